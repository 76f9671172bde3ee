// "Unusual in these results": the words, two-word phrases, people, organizations and places over-represented
// among the best matches of the search, against the whole archive (GET /api/significant).
// Collapsed by default and asked for only while open, so the results never wait for it.

import { getJson } from './api.js';
import { clear, h } from './dom.js';

/** The parameters of /api/search that select the matching set; the rest do not apply. */
const NOT_FILTERS = ['sort', 'cursor', 'page', 'size', 'facets', 'facetSize', 'interval', 'recency', 'expand'];

/** The lists of the response, with their headings and the filter a name adds. */
const LISTS = [
  ['terms', 'Words', null],
  ['phrases', 'Phrases', null],
  ['person', 'People', 'person'],
  ['org', 'Organizations', 'org'],
  ['place', 'Places', 'place'],
];

/** What a click on a word or phrase adds to the query: a phrase in quotes, to be searched as one. */
function searched(key, term) {
  return key === 'phrases' ? `"${term}"` : term;
}

export class UnusualTerms {
  /**
   * @param {HTMLDetailsElement} panel the collapsible panel, with a .unusual-body inside
   * @param {{addWord: (word: string) => void, addFilter: (name: string, value: string) => void}} actions
   */
  constructor(panel, actions) {
    this.panel = panel;
    this.body = panel.querySelector('.unusual-body');
    this.actions = actions;
    this.params = null;
    this.shownKey = '';
    this.inFlight = null;
    panel.addEventListener('toggle', () => this.load());
  }

  /** Shows the panel for a search's parameters; loads them now only when the panel is open. */
  show(searchParams) {
    const params = new URLSearchParams(searchParams);
    for (const name of NOT_FILTERS) params.delete(name);
    params.set('size', '12');
    this.params = params;
    this.panel.hidden = false;
    this.load();
  }

  /** Hides the panel, when there are no results to describe. */
  hide() {
    this.params = null;
    this.panel.hidden = true;
  }

  async load() {
    if (!this.panel.open || !this.params) return;
    const key = this.params.toString();
    if (key === this.shownKey) return;
    if (this.inFlight) this.inFlight.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.panel.setAttribute('aria-busy', 'true');
    clear(this.body).append(h('p', { class: 'hint', text: 'Comparing the best matches with the whole archive…' }));
    try {
      const data = await getJson('api/significant', this.params, controller.signal);
      this.shownKey = key;
      this.render(data);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.shownKey = '';
      clear(this.body).append(h('p', { class: 'hint', text: error.message || String(error) }));
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = null;
        this.panel.setAttribute('aria-busy', 'false');
      }
    }
  }

  render(data) {
    const parts = [];
    for (const [key, heading, filter] of LISTS) {
      const terms = data[key] || [];
      if (!terms.length) continue;
      parts.push(h('h4', { text: heading }), h('ul', { class: 'unusual-list', 'data-list': key },
        terms.map((term) => h('li', {}, h('button', {
          type: 'button', class: 'unusual-term', 'data-term': term.term,
          title: `In ${term.foreground} of the ${data.sample} best matches; in ${term.background} articles of the archive`,
          onclick: () => (filter ? this.actions.addFilter(filter, term.term) : this.actions.addWord(searched(key, term.term))),
        }, term.term)))));
    }
    if (!parts.length) parts.push(h('p', { class: 'hint', text: 'Nothing stands out in these results.' }));
    else parts.push(h('p', { class: 'hint', text: `From the ${data.sample} best of ${data.total} matches.` }));
    clear(this.body).append(...parts);
  }
}
