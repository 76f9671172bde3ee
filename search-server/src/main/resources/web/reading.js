// What helps to read one article of a search: the search's words marked in its text, links to
// the previous and next result, and a permalink to copy.

import { appendSnippet, h } from './dom.js';

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);
/** Query words shorter than this are marked only where the server marked them (skips "the"). */
const MIN_QUERY_WORD = 4;

/**
 * A pattern matching the words to mark in an article: those the server marked in the search's
 * snippets (the forms its analyzer matched) and the longer plain words of the query (a trailing
 * * matches any ending); null when there are none.
 */
export function markPattern(q, hits) {
  const words = new Set();
  for (const hit of hits || []) {
    for (const snippet of [hit.titleSnippet, hit.bodySnippet]) {
      if (!snippet) continue;
      for (const mark of appendSnippet(document.createElement('div'), snippet).querySelectorAll('mark')) {
        const word = mark.textContent.trim().toLowerCase();
        if (word) words.add(escape(word));
      }
    }
  }
  for (const token of (q || '').match(/"[^"]*"|\S+/g) || []) {
    if (OPERATORS.has(token) || token.startsWith('-')) continue;
    for (const part of token.replace(/^[+]?(\w+:)?/, '').replace(/[~^][\d.]*$/, '').replace(/["()]/g, ' ').split(/\s+/)) {
      const prefix = part.endsWith('*');
      const word = part.replace(/[*?]+$/, '').toLowerCase();
      if (word.length < MIN_QUERY_WORD || /[^\p{L}\p{N}'-]/u.test(word)) continue;
      words.add(prefix ? `${escape(word)}[\\p{L}\\p{N}]*` : escape(word));
    }
  }
  if (!words.size) return null;
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${longestFirst.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Appends `text` to `el` as text nodes, with each match of `pattern` in a <mark>. */
export function appendMarked(el, text, pattern) {
  if (!pattern) {
    el.append(text);
    return el;
  }
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    el.append(text.slice(at, match.index), h('mark', { text: match[0] }));
    at = match.index + match[0].length;
  }
  el.append(text.slice(at));
  return el;
}

/** The results just before and after the one with `id` among `hits`, where there are such. */
export function neighbours(hits, id) {
  const list = hits || [];
  const i = list.findIndex((hit) => hit.id === id);
  return i < 0 ? {} : { prev: list[i - 1], next: list[i + 1] };
}

/**
 * A "Copy link" button: copies the page's address with the Clipboard API, or, where that is
 * missing or refused, shows the address selected in a field to copy by hand.
 */
export class CopyLink {
  constructor(button, field, status) {
    Object.assign(this, { button, field, status });
    button.addEventListener('click', () => this.copy());
  }

  /** Hides the field and the message, for a newly shown article. */
  reset() {
    this.field.hidden = true;
    this.status.textContent = '';
  }

  async copy() {
    const url = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.field.hidden = true;
      this.status.textContent = 'Link copied.';
    } catch {
      this.field.value = url;
      this.field.hidden = false;
      this.field.focus();
      this.field.select();
      this.status.textContent = 'Copy the selected link (Ctrl+C or ⌘C).';
    }
  }
}
