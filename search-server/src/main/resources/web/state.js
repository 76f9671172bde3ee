// The page's whole state lives in the URL query string, so any view can be shared,
// bookmarked and reached with the browser's back and forward buttons.

/** The filter of each code scheme of an article's codes; each is also a facet of that name. */
export const CODE_FILTERS = {
  topics: 'topic', places: 'placeCode', people: 'personCode', orgs: 'orgCode', exchanges: 'exchange',
};

/** Filters that may be given more than once. */
export const LIST_FILTERS = [
  'source', 'person', 'org', 'place', 'topic', 'placeCode', 'personCode', 'orgCode', 'exchange',
  'notSource', 'notPerson', 'notOrg', 'notPlace', 'notTopic', 'notPlaceCode', 'notPersonCode', 'notOrgCode',
  'notExchange',
];

/** The filter that leaves out a facet's values, as the API names it: "not" and the facet's key. */
export function exclusionOf(filter) {
  return `not${filter.charAt(0).toUpperCase()}${filter.slice(1)}`;
}

/** The filter whose values an exclusion leaves out, or null when the name is no exclusion. */
export function excludedBy(name) {
  const base = name.startsWith('not') ? `${name.charAt(3).toLowerCase()}${name.slice(4)}` : '';
  return base && LIST_FILTERS.includes(base) && exclusionOf(base) === name ? base : null;
}

/** Human names of the filter kinds, for chips and labels. */
export const FILTER_NAMES = {
  source: 'Source',
  person: 'Person',
  org: 'Organization',
  place: 'Place',
  lang: 'Language',
  topic: 'Topic',
  placeCode: 'Place code',
  personCode: 'Person code',
  orgCode: 'Organization code',
  exchange: 'Exchange',
  from: 'From',
  to: 'To',
};

/** Entity filter keys with the plural names of their panels. */
export const ENTITY_TYPES = [['person', 'People'], ['org', 'Organizations'], ['place', 'Places']];

export const SORTS = ['relevance', 'newest', 'oldest'];
export const PAGE_SIZE = 10;

/** Values of one facet that "more…" asks for. */
export const MORE_FACET_SIZE = 50;

/** Reads the state from a query string such as location.search. */
export function readState(search) {
  const p = new URLSearchParams(search);
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  const sort = p.get('sort') ?? 'relevance';
  const state = {
    q: p.get('q') ?? '',
    op: p.get('op') ?? '',
    mm: p.get('mm') ?? '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    lang: p.get('lang') ?? '',
    sort: SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    cursor: p.get('cursor') ?? '',
    collapse: p.get('collapse') === 'story' ? 'story' : '',
    article: p.get('article') ?? '',
  };
  for (const name of LIST_FILTERS) {
    state[name] = unique(p.getAll(name).filter((v) => v !== ''));
  }
  return state;
}

/** The query string for a state, leaving out defaults so URLs stay short. */
export function toQueryString(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.op) p.set('op', state.op);
  if (state.mm) p.set('mm', state.mm);
  for (const name of LIST_FILTERS) {
    for (const value of state[name]) p.append(name, value);
  }
  if (state.lang) p.set('lang', state.lang);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.cursor) p.set('cursor', state.cursor);
  if (state.collapse) p.set('collapse', state.collapse);
  if (state.article) p.set('article', state.article);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The /api/search parameters for a state. */
export function searchParams(state) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  // How many plain words must match: the server's default unless the URL says otherwise.
  if (state.op) p.set('op', state.op);
  if (state.mm) p.set('mm', state.mm);
  for (const name of LIST_FILTERS) {
    for (const value of state[name]) p.append(name, value);
  }
  if (state.lang) p.set('lang', state.lang);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('sort', effectiveSort(state));
  // A cursor replaces the page number in the API; the page number stays in the URL for display.
  if (state.cursor) p.set('cursor', state.cursor);
  else p.set('page', String(state.page));
  p.set('size', String(PAGE_SIZE));
  // Copies of one story as one hit; total, facets and timeline still count articles.
  if (state.collapse) p.set('collapse', state.collapse);
  p.set('facets', 'source,person,org,place,language,topic,placeCode,personCode,orgCode,exchange');
  p.set('facetSize', '10');
  p.set('interval', 'auto');
  return p;
}

/**
 * The order the results are in. Without query text every article scores the same, so relevance
 * means newest first; the sort box shows that order.
 */
export function effectiveSort(state) {
  return state.sort === 'relevance' && !state.q.trim() ? 'newest' : state.sort;
}

/** Parameters of a search that an export or a feed of the whole result has no use for. */
const PAGE_ONLY = ['page', 'size', 'cursor', 'facets', 'facetSize', 'interval', 'collapse'];

/** The /api/export parameters for a state: the search's filters and order, in `format`. */
export function exportParams(state, format) {
  const p = searchParams(state);
  for (const name of PAGE_ONLY) p.delete(name);
  p.set('format', format);
  return p;
}

/** The /api/feed parameters for a state: the search's filters; a feed is always newest first. */
export function feedParams(state) {
  const p = searchParams(state);
  for (const name of [...PAGE_ONLY, 'sort']) p.delete(name);
  return p;
}

/** A copy of the state with changes applied; any change of the query resets paging. */
export function withChanges(state, changes) {
  const next = { ...state, page: 1, cursor: '', article: '', ...changes };
  for (const name of LIST_FILTERS) next[name] = [...next[name]];
  return next;
}

/** A copy of the state with one filter value added, or removed when already present. */
export function toggleFilter(state, name, value) {
  if (LIST_FILTERS.includes(name)) {
    const values = state[name].includes(value)
      ? state[name].filter((v) => v !== value)
      : [...state[name], value];
    return withChanges(state, { [name]: values });
  }
  return withChanges(state, { [name]: state[name] === value ? '' : value });
}

/** A copy of the state leaving out a facet value: no longer required, excluded instead. */
export function excludeValue(state, filter, value) {
  const not = exclusionOf(filter);
  if (state[not].includes(value)) return withChanges(state, {});
  return withChanges(state, {
    [filter]: state[filter].filter((v) => v !== value),
    [not]: [...state[not], value],
  });
}

/** True when the state asks for anything beyond the whole archive. */
export function hasCriteria(state) {
  return Boolean(
    state.q || state.from || state.to || state.lang || LIST_FILTERS.some((n) => state[n].length),
  );
}

function unique(values) {
  return [...new Set(values)];
}
