// Small DOM helpers. Untrusted text only ever reaches the page as text nodes; the one
// exception, the API's highlighted snippets, goes through appendSnippet's whitelist.

/**
 * Creates an element. attrs: "class", "text" (textContent), "on<event>" handlers,
 * booleans (set when true), anything else as an attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const ROVING_KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

/**
 * Makes the elements matching `selector` in `list` one tab stop (or none, with tabStop false):
 * the first has tabindex 0, the others -1, and the arrow keys, Home and End move the focus among
 * them, carrying the tab stop along. `onEdge(step)` runs when an arrow key leads past either end.
 * Call it again after redrawing the list; it keeps one key handler.
 */
export function roving(list, selector, { tabStop = true, onEdge = null } = {}) {
  const items = () => [...list.querySelectorAll(selector)];
  items().forEach((el, i) => { el.tabIndex = tabStop && i === 0 ? 0 : -1; });
  list.onkeydown = (e) => {
    const all = items();
    const i = all.indexOf(document.activeElement);
    const step = ROVING_KEYS[e.key];
    if (i < 0 || step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = Math.min(all.length - 1, Math.max(0, i + step));
    if (Number.isFinite(step) && i + step !== next) {
      if (onEdge) onEdge(step);
      return;
    }
    if (tabStop) {
      all[i].tabIndex = -1;
      all[next].tabIndex = 0;
    }
    all[next].focus();
  };
  return list;
}

/** Removes all children. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

/**
 * Appends a snippet from the API: HTML-escaped text with <mark> highlights. Only text and
 * <mark> elements are kept, so even a malformed snippet cannot inject markup or script.
 */
export function appendSnippet(el, html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  copySafe(doc.body, el);
  return el;
}

function copySafe(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.data));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.localName === 'mark') {
        copySafe(node, to.appendChild(document.createElement('mark')));
      } else if (node.localName !== 'script' && node.localName !== 'style') {
        copySafe(node, to);
      }
    }
  }
}

const numberFormat = new Intl.NumberFormat('en');

export function formatCount(n) {
  return numberFormat.format(n);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' });

/** "26 Feb 1987" for an ISO instant; empty for none. */
export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

/** A bucket's label for its interval: "1987", "Feb 1987" or "26 Feb 1987". */
export function formatBucket(iso, interval) {
  const d = new Date(iso);
  if (interval === 'year') return String(d.getUTCFullYear());
  if (interval === 'month') return monthFormat.format(d);
  return dateFormat.format(d);
}

/** YYYY-MM-DD of a Date, in UTC. */
export function isoDate(d) {
  return d.toISOString().slice(0, 10);
}

/** True for http and https URLs, the only ones the page links to. */
export function isWebUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when a click asks for a new tab or window, which the page leaves to the browser. */
export function isModified(e) {
  return e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;
}

/** The title, or for an untitled wire item the start of its text. */
export function displayTitle(hit) {
  if (hit.title) return hit.title;
  const text = hit.bodySnippet ? appendSnippet(document.createElement('div'), hit.bodySnippet).textContent.trim() : '';
  if (!text) return '(untitled)';
  return text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')}…` : text;
}

const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** "English" for "en"; the code itself when the browser has no name for it. */
export function languageName(code) {
  try {
    return (languageNames && code && languageNames.of(code)) || code || 'Unknown';
  } catch {
    return code;
  }
}
