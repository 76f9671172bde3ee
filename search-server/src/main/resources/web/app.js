// The search page: reads its state from the URL, asks the API, and renders results,
// facets, the timeline and the article view. Every change of state is a new URL.

import * as api from './api.js';
import { ArticleView } from './article.js';
import {
  appendSnippet, clear, displayTitle, formatCount, formatDate, h, isModified, languageName, roving,
} from './dom.js';
import {
  CODE_FILTERS, ENTITY_TYPES, FILTER_NAMES, MORE_FACET_SIZE, excludeValue, excludedBy, exclusionOf, LIST_FILTERS, PAGE_SIZE,
  effectiveSort, exportParams, feedParams, hasCriteria, readState, searchParams, toQueryString, toggleFilter,
  withChanges,
} from './state.js';
import { CopyLink, markPattern, neighbours } from './reading.js';
import { installShortcuts } from './shortcuts.js';
import { startContent } from './start.js';
import { UnusualTerms } from './significant.js';
import { Timeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const els = {
  form: $('search-form'), q: $('q'), suggestions: $('suggestions'), error: $('search-error'),
  dateError: $('date-error'),
  stats: $('stats'), filters: $('filters'), filtersToggle: $('filters-toggle'),
  filterForm: $('filter-form'), from: $('from'), to: $('to'), sort: $('sort'),
  resultsView: $('results-view'), resultsHeading: $('results-heading'), activeFilters: $('active-filters'),
  summary: $('summary'), zeroHits: $('zero-hits'), results: $('results'),
  pager: $('pager'), prev: $('prev-page'), next: $('next-page'), pageLabel: $('page-label'),
  articleView: $('article-view'), articleError: $('article-error'), articleTitle: $('article-title'),
  back: $('back-to-results'),
  exportCsv: $('export-csv'), exportJsonl: $('export-jsonl'), feedLink: $('feed-link'),
  feedAlternate: $('feed-alternate'),
};
const FACETS = [['source', 'source'], ['person', 'person'], ['org', 'org'], ['place', 'place'], ['language', 'lang'],
  ...Object.values(CODE_FILTERS).map((filter) => [filter, filter])];

/** Values per facet list, as a search asks for them. */
const FACET_SIZE = Number(searchParams(readState('')).get('facetSize'));

let state = readState(location.search);
let inFlight = null; // AbortController of the running update
let lastSearch = { key: '', data: null };
let cameFromResults = false;

const timeline = new Timeline($('timeline'), (from, to) => {
  navigate(withChanges(state, { from, to }), { focus: () => $('timeline').querySelector('.timeline-plot') });
}, () => navigate(withChanges(state, { from: '', to: '' }), { focus: () => $('timeline').querySelector('.timeline-plot') }));

const unusual = new UnusualTerms($('unusual'), {
  addWord: (word) => navigate(withChanges(state, { q: state.q ? `${state.q} ${word}` : word })),
  addFilter: (name, value) => {
    if (!state[name].includes(value)) navigate(toggleFilter(state, name, value));
  },
});

// ---- navigation -------------------------------------------------------------------

/** Moves to a new state: a new history entry, then a render. */
function navigate(next, { focus, replace } = {}) {
  const url = `${location.pathname}${toQueryString(next)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  state = next;
  return update(focus);
}

window.addEventListener('popstate', () => {
  const leaving = state.article;
  state = readState(location.search);
  cameFromResults = false;
  update(state.article ? () => els.articleTitle : () => focusAfterArticle(leaving));
});

/** Back from an article, focus its link in the results, so keyboard users keep their place. */
function focusAfterArticle(id) {
  const active = document.activeElement;
  if (active && active !== document.body && !els.articleView.contains(active)) return null;
  const hit = id ? [...els.results.querySelectorAll('.hit')].find((li) => li.dataset.id === id) : null;
  return hit ? hit.querySelector('.hit-title') : els.resultsHeading;
}

async function update(focus) {
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  const { signal } = inFlight;
  syncForm();
  setBusy(true);
  try {
    if (state.article) await showArticle(signal);
    else await showResults(signal);
    setBusy(false);
    restoreFocus(focus);
  } catch (error) {
    if (error.name === 'AbortError') return;
    setBusy(false);
    if (error instanceof api.ApiError) showError(error);
    else showError(new api.ApiError(0, 'Something went wrong on this page', String(error.message || error)));
  }
}

function restoreFocus(focus) {
  const target = typeof focus === 'function' ? focus() : null;
  if (!target || !document.contains(target)) return;
  const top = els.resultsView.getBoundingClientRect().top;
  if (els.resultsView.contains(target) && (top < 0 || top > window.innerHeight / 2)) {
    // A new set of results is read from its top: the filter chips, the count, the first hits.
    els.resultsView.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  } else {
    target.focus();
  }
}

/** Marks every part that a search redraws as busy: the results and the filters' counts. */
function setBusy(busy) {
  document.body.classList.toggle('loading', busy);
  els.resultsView.setAttribute('aria-busy', String(busy));
  els.filters.setAttribute('aria-busy', String(busy));
}

// ---- the search form, filters and paging ------------------------------------------

function syncForm() {
  els.q.value = state.q;
  els.from.value = state.from;
  els.to.value = state.to;
  els.sort.value = effectiveSort(state);
}

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  lastSearch = { key: '', data: null }; // searching again asks the server again
  navigate(withChanges(state, { q: els.q.value.trim() }));
});

els.filterForm.addEventListener('submit', (e) => {
  e.preventDefault();
  navigate(withChanges(state, { from: els.from.value, to: els.to.value, sort: els.sort.value }));
});

els.sort.addEventListener('change', () => {
  navigate(withChanges(state, { sort: els.sort.value }), { focus: () => els.sort });
});

els.filtersToggle.addEventListener('click', () => {
  setFiltersOpen(els.filtersToggle.getAttribute('aria-expanded') !== 'true');
});

/** Unfolds or folds the filters, which a narrow screen folds away. */
function setFiltersOpen(open) {
  els.filtersToggle.setAttribute('aria-expanded', String(open));
  els.filters.classList.toggle('open', open);
}

$('home-link').addEventListener('click', (e) => {
  if (isModified(e)) return;
  e.preventDefault();
  els.q.value = '';
  navigate(readState(''), { focus: () => els.q });
});

els.prev.addEventListener('click', () => {
  navigate({ ...state, page: state.page - 1, cursor: '' }, { focus: () => els.resultsHeading });
});

let nextCursor = '';
els.next.addEventListener('click', () => {
  navigate({ ...state, page: state.page + 1, cursor: nextCursor }, { focus: () => els.resultsHeading });
});

const SUGGESTION_KINDS = { title: 'Headline', person: 'Person', org: 'Organization', place: 'Place' };
let suggestTimer = 0;
let suggestAbort = null;
els.q.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const prefix = els.q.value.trim();
  if (prefix.length < 2) {
    clear(els.suggestions);
    return;
  }
  suggestTimer = setTimeout(async () => {
    if (suggestAbort) suggestAbort.abort();
    suggestAbort = new AbortController();
    try {
      const data = await api.suggest(prefix, suggestAbort.signal);
      clear(els.suggestions).append(
        ...(data.suggestions || []).map((s) => h('option', { value: s.text, label: SUGGESTION_KINDS[s.kind] || s.kind })),
      );
    } catch (error) {
      // Suggestions are a convenience: a failure leaves the list empty and the search works.
      if (error.name !== 'AbortError') clear(els.suggestions);
    }
  }, 200);
});

// ---- errors -------------------------------------------------------------------------

function showError(error) {
  const message = [h('strong', { text: sentence(error.title) }), error.detail ? h('span', { text: ` ${sentence(error.detail)}` }) : null];
  if (state.article) {
    clear(els.articleError).append(...message);
    els.articleError.hidden = false;
    return;
  }
  clearError();
  const dates = error.param === 'from' || error.param === 'to';
  const box = dates ? els.dateError : els.error;
  clear(box).append(...message);
  box.hidden = false;
  const field = { q: els.q, from: els.from, to: els.to }[error.param];
  if (field) field.setAttribute('aria-invalid', 'true');
  if (dates) setFiltersOpen(true);
  // The last results stay, dimmed, so the reader keeps the context while fixing the request.
  const stale = els.results.children.length > 0;
  els.resultsView.classList.toggle('stale', stale);
  els.summary.textContent = stale
    ? 'The search could not run: the results below are still those of the previous search.'
    : 'The search could not run.';
}

/** A message part as a sentence: capitalized, with a full stop. */
function sentence(text) {
  const t = String(text).trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function clearError() {
  for (const box of [els.error, els.dateError]) {
    box.hidden = true;
    clear(box);
  }
  els.resultsView.classList.remove('stale');
  for (const input of [els.q, els.from, els.to]) input.removeAttribute('aria-invalid');
}

// ---- results ------------------------------------------------------------------------

async function showResults(signal) {
  els.articleView.hidden = true;
  els.resultsView.hidden = false;
  const params = searchParams(state);
  const key = params.toString();
  const data = lastSearch.key === key ? lastSearch.data : await api.search(params, signal);
  lastSearch = { key, data };
  clearError();
  document.title = state.q ? `${state.q} – newsarchive search` : 'newsarchive search';
  renderActiveFilters();
  renderSummary(data);
  renderDownloads();
  renderFacets(data.facets || {});
  timeline.render(data.timeline, state.from, state.to);
  if (data.total > 0) unusual.show(params);
  else unusual.hide();
  renderZeroHits(data);
  renderStart(data);
  renderGroupCopies(data);
  clear(els.results).append(...(data.hits || []).map(renderHit));
  nextCursor = data.nextCursor || '';
  els.pager.hidden = state.page === 1 && !nextCursor;
  els.prev.disabled = state.page <= 1;
  els.next.disabled = !nextCursor;
  els.pageLabel.textContent = `Page ${state.page}`;
}

/** The start view, while nothing is asked: links into the archive and the syntax by example. */
function renderStart(data) {
  const start = $('start');
  start.hidden = hasCriteria(state) || state.page > 1;
  if (start.hidden) return;
  const link = (changes, content) => {
    const next = withChanges(readState(''), changes);
    return h('a', {
      href: toQueryString(next) || './',
      onclick: (e) => {
        if (isModified(e)) return;
        e.preventDefault();
        navigate(next, { focus: () => els.resultsHeading });
      },
    }, content);
  };
  const article = (hit) => h('a', {
    href: toQueryString({ ...state, article: hit.id }), text: displayTitle(hit), onclick: (e) => openArticle(e, hit.id),
  });
  clear(start).append(...startContent(data, link, article));
}

function renderSummary(data) {
  const count = formatCount(data.total);
  const noun = data.total === 1 ? 'article' : 'articles';
  let text = data.totalExact === false ? `At least ${count} ${noun}` : `${count} ${noun}`;
  if (state.q) text += ` for “${state.q}”`;
  if (data.total > 0 && data.hits && data.hits.length) {
    const first = (state.page - 1) * PAGE_SIZE + 1;
    text += `, showing ${formatCount(first)}–${formatCount(first + data.hits.length - 1)}`;
  }
  text += ` (${data.tookMs} ms).`;
  if (data.timedOut) text += ' The search took too long and stopped early, so results may be incomplete.';
  els.summary.textContent = text;
}

/** Points the export and feed links at the current search. */
function renderDownloads() {
  els.exportCsv.href = `api/export?${exportParams(state, 'csv')}`;
  els.exportJsonl.href = `api/export?${exportParams(state, 'jsonl')}`;
  const feed = `api/feed?${feedParams(state)}`;
  els.feedLink.href = feed;
  els.feedAlternate.href = feed;
}

function renderActiveFilters() {
  const chips = [];
  for (const name of [...LIST_FILTERS, 'lang', 'from', 'to']) {
    const values = LIST_FILTERS.includes(name) ? state[name] : state[name] ? [state[name]] : [];
    const excluded = excludedBy(name);
    for (const value of values) {
      // Dates read as everywhere else on the page: "26 Sep 2020".
      const shown = name === 'from' || name === 'to' ? formatDate(`${value}T00:00:00Z`) || value : value;
      const label = `${excluded ? 'Not ' : ''}${FILTER_NAMES[excluded || name]}: ${shown}`;
      chips.push(h('li', {}, h('button', {
        type: 'button', class: `chip chip-${excluded || name}${excluded ? ' chip-excluded' : ''}`,
        'data-filter': name, 'data-value': value,
        'aria-label': `Remove filter ${label}`,
        onclick: () => navigate(removeFilter(name, value), { focus: focusAfterChipRemoval(name, value) }),
      }, h('span', { text: label }), h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }))));
    }
  }
  if (chips.length > 1) {
    chips.push(h('li', {}, h('button', {
      type: 'button', class: 'link-button',
      onclick: () => navigate(withChanges(readState(''), { q: state.q, sort: state.sort }), { focus: () => els.resultsHeading }),
    }, 'Clear all filters')));
  }
  clear(els.activeFilters).append(...chips);
  els.activeFilters.hidden = chips.length === 0;
}

function removeFilter(name, value) {
  return LIST_FILTERS.includes(name) ? toggleFilter(state, name, value) : withChanges(state, { [name]: '' });
}

function focusAfterChipRemoval(name, value) {
  const chips = [...els.activeFilters.querySelectorAll('button')];
  const index = chips.findIndex((b) => b.dataset.filter === name && b.dataset.value === value);
  return () => els.activeFilters.querySelectorAll('button')[index] || els.resultsHeading;
}

function renderFacets(facets) {
  for (const [apiName, filter] of FACETS) renderFacet(apiName, filter, facets[apiName] || []);
}

/** One facet's list: each value narrows to it, ⊖ leaves it out, and "more…" asks for more values. */
function renderFacet(apiName, filter, values) {
  const panel = document.querySelector(`.facet[data-facet="${filter}"]`);
  const list = panel.querySelector('.facet-list');
  const selected = LIST_FILTERS.includes(filter) ? state[filter] : state[filter] ? [state[filter]] : [];
  const shown = [...values];
  for (const value of selected) {
    if (!shown.some((f) => f.value === value)) shown.unshift({ value, count: null });
  }
  panel.hidden = shown.length === 0 || (filter === 'lang' && shown.length < 2 && !selected.length);
  const excludable = LIST_FILTERS.includes(exclusionOf(filter));
  clear(list).append(...shown.map((facet) => {
    const on = selected.includes(facet.value);
    const label = filter === 'lang' ? languageName(facet.value) : facet.value;
    return h('li', { class: excludable ? 'facet-row' : null }, h('button', {
      type: 'button', class: 'facet-value', 'aria-pressed': String(on),
      'data-filter': filter, 'data-value': facet.value,
      onclick: () => navigate(toggleFilter(state, filter, facet.value), { focus: () => focusAfterFacet(filter, facet.value) }),
    }, h('span', { class: 'facet-name', dir: 'auto', text: label }),
    facet.count === null ? null : h('span', { class: 'count', text: formatCount(facet.count) })),
    excludable ? h('button', {
      type: 'button', class: 'facet-exclude', 'data-filter': filter, 'data-value': facet.value,
      title: `Leave out ${label}`, 'aria-label': `Leave out ${label}`, text: '⊖',
      onclick: () => navigate(excludeValue(state, filter, facet.value), { focus: () => els.resultsHeading }),
    }) : null);
  }));
  panel.querySelector('.facet-more')?.remove();
  if (values.length >= FACET_SIZE && values.length < MORE_FACET_SIZE) {
    panel.append(h('button', {
      type: 'button', class: 'link-button facet-more', 'data-facet': filter, text: 'more…',
      onclick: () => showMoreValues(apiName, filter),
    }));
  }
  // One tab stop per facet; the arrow keys move through its values, their ⊖ and "more…".
  roving(panel, '.facet-value, .facet-exclude, .facet-more');
}

/** Asks for more values of one facet only, over the same matches, and shows them in its list. */
async function showMoreValues(apiName, filter) {
  const params = searchParams(state);
  params.set('size', '0');
  params.set('facets', apiName);
  params.set('facetSize', String(MORE_FACET_SIZE));
  try {
    const data = await api.search(params);
    renderFacet(apiName, filter, (data.facets || {})[apiName] || []);
    document.querySelector(`.facet[data-facet="${filter}"] .facet-value`)?.focus();
  } catch (error) {
    if (error instanceof api.ApiError) showError(error);
  }
}

/** After a facet click, the chip of the filter it added, which says that the filter is on. */
function focusAfterFacet(filter, value) {
  return [...els.activeFilters.querySelectorAll('.chip')].find(
    (b) => b.dataset.filter === filter && b.dataset.value === value) || els.resultsHeading;
}

function renderZeroHits(data) {
  const zero = !(data.total > 0 || (data.hits && data.hits.length));
  const parts = [];
  if (zero) parts.push(h('p', { text: state.q ? `No articles match “${state.q}”.` : 'No articles match these filters.' }));
  if (data.didYouMean) parts.push(didYouMean(data.didYouMean));
  const note = zero ? '' : matchNote(data.match);
  if (note) parts.push(h('p', { class: 'match-note', text: note }));
  const expansion = zero ? '' : expansionNote(data.expandedWith);
  if (expansion) parts.push(h('p', { class: 'expansion-note', text: expansion }));
  if (!zero && data.rankedByMeaning) parts.push(h('p', { class: 'meaning-note', text: MEANING_NOTE }));
  if (zero && hasCriteria({ ...state, q: '' })) {
    parts.push(h('p', { text: 'Removing a filter or widening the dates may find more.' }));
  } else if (zero) {
    parts.push(h('p', { text: 'Check the spelling, use fewer words, or end a word with * to match its variants (e.g. export*).' }));
  }
  clear(els.zeroHits).append(...parts);
  els.zeroHits.classList.toggle('few-hits', !zero);
  els.zeroHits.hidden = parts.length === 0;
}

/** Says in words which articles are shown when not every word of the query had to match. */
function matchNote(match) {
  if (!match || match.mode === 'all') return '';
  const some = match.mode === 'any' ? 'any of them' : `at least ${match.required}`;
  if (match.relaxed) return `No article has all ${match.of} words; showing those with ${some}.`;
  return match.mode === 'any'
    ? `Showing articles with any of the ${match.of} words, best matches first.`
    : `Showing articles with at least ${match.required} of the ${match.of} words.`;
}

/** Says that the best matches were also ranked by meaning (response field rankedByMeaning). */
const MEANING_NOTE = 'The best matches are also ranked by how close their passages are in meaning'
  + ' to your words. They reorder the matching articles and add none.';

/** Says in words which feedback words from the best matches also ranked the articles. */
function expansionNote(words) {
  if (!words || words.length === 0) return '';
  return `Also ranked by words of the best matches: ${words.join(', ')} (stemmed as indexed).`
    + ' They reorder the matching articles and add none.';
}

function didYouMean(suggestion) {
  const next = withChanges(state, { q: suggestion });
  return h('p', {}, 'Did you mean ', h('a', {
    href: toQueryString(next), class: 'did-you-mean',
    onclick: (e) => {
      if (isModified(e)) return;
      e.preventDefault();
      navigate(next, { focus: () => els.resultsHeading });
    },
  }, h('strong', { text: suggestion })), '?');
}

// ---- wire copies grouped as one story --------------------------------------------

const groupCopies = $('group-copies');
groupCopies.addEventListener('change', () => {
  navigate(withChanges(state, { collapse: groupCopies.checked ? 'story' : '' }), { focus: () => groupCopies });
});

/** Sets the "Group copies" box from the state and says how many stories the articles make. */
function renderGroupCopies(data) {
  groupCopies.checked = state.collapse === 'story';
  if (state.collapse === 'story' && Number.isFinite(data.stories)) {
    const noun = data.stories === 1 ? 'story' : 'stories';
    els.summary.textContent += ` ${formatCount(data.stories)} ${noun}.`;
  }
}

/** "N copies" on a hit that stands for several matching articles, naming their sources. */
function copiesNote(hit) {
  if (!(hit.copies > 1)) return [];
  const sources = (hit.copySources || []).join(', ');
  return [h('span', { class: 'copies', title: sources ? `From ${sources}` : '', text: `${formatCount(hit.copies)} copies` })];
}

function renderHit(hit) {
  // dir="auto": a Persian or Arabic headline, snippet or name runs right to left by its letters.
  const title = h('a', { href: toQueryString({ ...state, article: hit.id }), class: 'hit-title', dir: 'auto' });
  if (hit.titleSnippet) appendSnippet(title, hit.titleSnippet);
  else title.textContent = displayTitle(hit);
  title.addEventListener('click', (e) => openArticle(e, hit.id));
  const meta = h('p', { class: 'meta' },
    h('span', { class: 'source', text: hit.source }),
    hit.published ? h('time', { datetime: hit.published, text: formatDate(hit.published) }) : null);
  meta.append(...copiesNote(hit));
  const snippet = hit.bodySnippet ? appendSnippet(h('p', { class: 'snippet', dir: 'auto' }), hit.bodySnippet) : null;
  const chips = entityChips(hit.entities);
  if (chips) {
    // A result is one tab stop, its title; the right arrow enters its entity chips.
    roving(chips, '.chip', { tabStop: false, onEdge: (step) => { if (step < 0) title.focus(); } });
    title.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      chips.querySelector('.chip').focus();
    });
    title.setAttribute('aria-describedby', ENTITY_HINT_ID);
  }
  return h('li', { class: 'hit', 'data-id': hit.id }, h('h3', {}, title), meta, snippet, chips);
}

const ENTITY_HINT_ID = 'entity-chips-hint';

function entityChips(entities) {
  if (!entities) return null;
  const items = [];
  for (const [type, name] of ENTITY_TYPES) {
    for (const value of (entities[type] || []).slice(0, 5)) {
      const on = state[type].includes(value);
      items.push(h('li', {}, h('button', {
        type: 'button', class: `chip chip-${type}`, 'aria-pressed': String(on),
        title: on ? `Remove the filter ${FILTER_NAMES[type]}: ${value}` : `Show only articles about ${value}`,
        onclick: () => navigate(toggleFilter(state, type, value), { focus: () => els.resultsHeading }),
      }, h('span', { class: 'visually-hidden', text: `${name.slice(0, -1)}: ` }), value)));
    }
  }
  return items.length ? h('ul', { class: 'chips entity-chips', 'aria-label': 'Entities' }, items) : null;
}

function openArticle(e, id) {
  if (isModified(e)) return;
  e.preventDefault();
  cameFromResults = !state.article;
  navigate({ ...state, article: id }, { focus: () => els.articleTitle });
}

// ---- the article view ---------------------------------------------------------------

const articleView = new ArticleView(els.articleView, {
  articleHref: (id) => toQueryString({ ...state, article: id }),
  openArticle,
  addEntity: (type, name) => navigate(
    withChanges(state, { [type]: state[type].includes(name) ? state[type] : [...state[type], name] }),
    { focus: () => els.resultsHeading }),
  codeHref: (filter, code) => toQueryString(codeSearch(filter, code)),
  openCode: (e, filter, code) => {
    if (isModified(e)) return;
    e.preventDefault();
    navigate(codeSearch(filter, code), { focus: () => els.resultsHeading });
  },
  searchHref: () => toQueryString({ ...state, article: '' }) || './',
  backToSearch: (e) => {
    if (isModified(e)) return;
    e.preventDefault();
    navigate({ ...state, article: '' }, { focus: () => els.resultsHeading });
  },
});

/** Every article the editors gave one code. */
function codeSearch(filter, code) {
  return withChanges(readState(''), { [filter]: [code] });
}

const copyLink = new CopyLink($('copy-link'), $('copy-link-field'), $('copy-link-status'));

/** The search the article was opened from, asked again when the page was opened at the article. */
async function searchOfArticle(signal) {
  const params = searchParams(state);
  const key = params.toString();
  if (lastSearch.key === key) return lastSearch.data;
  try {
    const data = await api.search(params, signal);
    lastSearch = { key, data };
    return data;
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return null; // marks and neighbours are extras: the article shows without them
  }
}

function renderNeighbours(hits) {
  const { prev, next } = neighbours(hits, state.article);
  for (const [link, hit, label] of [[$('prev-result'), prev, '← Previous result'], [$('next-result'), next, 'Next result →']]) {
    link.hidden = !hit;
    if (!hit) continue;
    link.textContent = label;
    link.title = displayTitle(hit);
    link.href = toQueryString({ ...state, article: hit.id });
    link.onclick = (e) => {
      if (isModified(e)) return;
      e.preventDefault();
      navigate({ ...state, article: hit.id }, { focus: () => els.articleTitle, replace: true });
    };
  }
}

async function showArticle(signal) {
  els.resultsView.hidden = true;
  els.articleView.hidden = false;
  copyLink.reset();
  const search = await searchOfArticle(signal);
  const hits = search ? search.hits : [];
  renderNeighbours(hits);
  try {
    const article = await articleView.show(state.article, signal, markPattern(state.q, hits));
    document.title = `${article.title || 'Article'} – newsarchive`;
  } catch (error) {
    if (!(error instanceof api.ApiError && error.status === 404)) throw error;
    articleView.showNotFound(state.article);
    document.title = 'Article not found – newsarchive';
  }
  clearError();
}

els.back.addEventListener('click', () => {
  if (cameFromResults) {
    history.back();
  } else {
    const id = state.article;
    navigate({ ...state, article: '' }, { focus: () => focusAfterArticle(id) });
  }
});

// ---- archive statistics and start -------------------------------------------------

async function showStats() {
  try {
    const s = await api.stats();
    const sources = s.sources ? s.sources.length : 0;
    let text = `${formatCount(s.articles)} articles from ${formatCount(sources)} source${sources === 1 ? '' : 's'}`;
    if (s.oldest && s.newest) text += `, ${formatDate(s.oldest)} to ${formatDate(s.newest)}`;
    els.stats.textContent = `${text}.`;
  } catch (error) {
    els.stats.textContent = '';
    if (error instanceof api.ApiError && error.status === 0) showError(error);
  }
}

installShortcuts(els.q, els.results);
showStats();
update();
