// The start view, shown while nothing is asked: ways into this archive drawn from its own data
// (its most mentioned names, its newest stories, its topics) and the search syntax by example.

import { formatCount, h } from './dom.js';
import { ENTITY_TYPES } from './state.js';

/**
 * The start panel's content for the archive-wide search `data`. link(changes, text) makes a
 * link to the search with `changes`; article(hit) makes a link to a result's article.
 */
export function startContent(data, link, article) {
  const facets = data.facets || {};
  const parts = [h('h3', { id: 'start-h', text: 'Start exploring this archive' })];
  const names = ENTITY_TYPES.flatMap(([type]) => (facets[type] || []).slice(0, 3).map((f) => [type, f]));
  if (names.length) {
    parts.push(h('h4', { text: 'Most mentioned' }), h('ul', { class: 'start-list' }, names.map(([type, f]) => h('li', {},
      link({ [type]: [f.value] }, f.value), h('span', { class: 'count', text: ` ${formatCount(f.count)}` })))));
  }
  const newest = (data.hits || []).slice(0, 3);
  if (newest.length) {
    parts.push(h('h4', { text: 'Newest stories' }), h('ul', { class: 'start-list' }, newest.map((hit) => h('li', {}, article(hit)))));
  }
  parts.push(h('h4', { text: 'Search syntax, by example' }), syntaxExamples(facets, link));
  return parts;
}

function syntaxExamples(facets, link) {
  const first = (name, fallback) => ((facets[name] || [])[0] || {}).value || fallback;
  const person = first('person', 'Reagan').split(' ').pop().toLowerCase();
  const topics = (facets.topic || []).map((f) => f.value);
  const examples = [
    ['"oil prices"', 'the exact phrase'],
    ['"oil prices"~5', 'both words at most five words apart'],
    ['goverment~', 'words spelt like it (fuzzy)'],
    ['export*', 'words that start with “export”'],
    ['oil AND (iran OR iraq) NOT opec', 'all, either, and not; parentheses group'],
    [`person:${person}`, 'a person named in the story'],
    [`org:${first('org', 'opec').split(' ')[0].toLowerCase()}`, 'an organization'],
    [`place:${first('place', 'japan').split(' ')[0].toLowerCase()}`, 'a place'],
  ];
  if (topics.length) examples.push([`topic:${topics[0]}`, 'an editors’ topic code']);
  const rows = examples.flatMap(([q, what]) => [h('dt', {}, link({ q }, h('code', { text: q }))), h('dd', { text: what })]);
  if (topics.length) {
    const dd = h('dd', { class: 'start-topics' });
    topics.forEach((t, i) => dd.append(...(i ? [', ', link({ q: `topic:${t}` }, t)] : [link({ q: `topic:${t}` }, t)])));
    rows.push(h('dt', { text: 'Topics here' }), dd);
  }
  return h('dl', { class: 'start-syntax' }, rows);
}
