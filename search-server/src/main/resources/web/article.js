// The article view: one article's text, its people, organizations and places, the
// editors' categories and related articles. Links and actions come from the page, which
// owns navigation.

import * as api from './api.js';
import { clear, displayTitle, formatDate, h, isWebUrl, languageName } from './dom.js';
import { appendMarked } from './reading.js';
import { CODE_FILTERS, ENTITY_TYPES } from './state.js';

const CODE_NAMES = { topics: 'Topics', places: 'Places', people: 'People', orgs: 'Organizations', exchanges: 'Exchanges' };

export class ArticleView {
  /**
   * root: the <article> element. links: { articleHref(id), openArticle(event, id),
   * addEntity(type, name), codeHref(filter, code), openCode(event, filter, code), searchHref(),
   * backToSearch(event) }.
   */
  constructor(root, links) {
    const part = (id) => root.querySelector(`#${id}`);
    this.links = links;
    this.el = {
      error: part('article-error'), title: part('article-title'), meta: part('article-meta'),
      body: part('article-body'), entities: part('article-entities'), codes: part('article-codes'),
      codesSection: part('article-codes-section'), related: part('related'),
      layout: part('article-layout'), missing: part('article-missing'), missingText: part('article-missing-text'),
      missingBack: part('article-missing-back'),
    };
    this.el.missingBack.addEventListener('click', (e) => this.links.backToSearch(e));
  }

  /**
   * Fetches and shows an article and its related articles, with `marks` (a pattern, or null)
   * marked in its title and text; resolves to the article.
   */
  async show(id, signal, marks) {
    this.el.error.hidden = true;
    this.el.missing.hidden = true;
    // Panels appear with their article, never empty while it loads or when it fails.
    this.el.layout.hidden = true;
    const relatedPromise = api.related(id, signal).catch((error) => error);
    const article = await api.article(id, signal);
    appendMarked(clear(this.el.title), article.title || '(untitled)', marks);
    this.renderMeta(article);
    clear(this.el.body).append(...paragraphs(article.body, marks));
    this.renderEntities(article.entities);
    this.renderCodes(article.codes || {});
    const related = await relatedPromise;
    if (related.name === 'AbortError') throw related;
    this.renderRelated(related);
    this.el.layout.hidden = false;
    return article;
  }

  /** Shows that no article has the id {@code id}, with a link back to the search. */
  showNotFound(id) {
    this.el.title.textContent = 'Article not found';
    clear(this.el.meta);
    this.el.missingText.textContent = `This archive has no article with the id “${id}”. `
      + 'The link may be mistyped, or the article was removed when the archive was rebuilt.';
    this.el.missingBack.href = this.links.searchHref();
    this.el.missing.hidden = false;
  }

  renderMeta(article) {
    const parts = [h('span', { class: 'source', text: article.source })];
    if (article.published) {
      parts.push(h('time', { datetime: article.published, text: formatDate(article.published) }));
    } else if (article.publishedText) {
      parts.push(h('span', { text: article.publishedText }));
    }
    if (article.authors && article.authors.length) parts.push(h('span', { text: `By ${article.authors.join(', ')}` }));
    if (article.language) parts.push(h('span', { text: languageName(article.language) }));
    if (article.url && isWebUrl(article.url)) {
      parts.push(h('a', { href: article.url, rel: 'noopener noreferrer', target: '_blank', text: 'Original article' }));
    }
    clear(this.el.meta).append(...parts);
  }

  renderEntities(entities) {
    const groups = [];
    for (const [type, name] of ENTITY_TYPES) {
      const ofType = (entities || []).filter((e) => e.type === type).sort((a, b) => b.mentions - a.mentions);
      if (!ofType.length) continue;
      groups.push(h('h4', { text: name }), h('ul', { class: 'chips' }, ofType.map((entity) => h('li', {}, h('button', {
        type: 'button', class: `chip chip-${type}`,
        title: `Search articles about ${entity.name}`,
        onclick: () => this.links.addEntity(type, entity.name),
      }, entity.name, h('span', { class: 'count', 'aria-label': `${entity.mentions} mentions`, text: String(entity.mentions) }))))));
    }
    // The API leaves entities out of articles the tagger does not read (not in English).
    const none = entities ? 'No entities found in this article.' : 'Names are tagged in English articles only.';
    clear(this.el.entities).append(...(groups.length ? groups : [h('p', { class: 'meta', text: none })]));
  }

  renderCodes(codes) {
    const rows = [];
    for (const [scheme, values] of Object.entries(codes)) {
      if (!Array.isArray(values) || !values.length) continue;
      // Each code links to every article the editors gave it, through the scheme's filter.
      const filter = CODE_FILTERS[scheme];
      const items = values.map((value) => (filter
        ? h('a', {
          href: this.links.codeHref(filter, value), text: value, class: 'code-link', 'data-filter': filter,
          onclick: (e) => this.links.openCode(e, filter, value),
        })
        : h('span', { text: value })));
      const dd = h('dd');
      items.forEach((item, i) => dd.append(...(i ? [', ', item] : [item])));
      rows.push(h('dt', { text: CODE_NAMES[scheme] || scheme }), dd);
    }
    clear(this.el.codes).append(...rows);
    this.el.codesSection.hidden = rows.length === 0;
  }

  renderRelated(related) {
    const list = clear(this.el.related);
    if (related instanceof Error) {
      list.append(h('li', { class: 'error', text: `Related articles are unavailable: ${related.message}` }));
    } else if (!related.hits || !related.hits.length) {
      list.append(h('li', { text: 'No related articles found.' }));
    } else {
      list.append(...related.hits.map((hit) => h('li', {},
        h('a', { href: this.links.articleHref(hit.id), text: displayTitle(hit), onclick: (e) => this.links.openArticle(e, hit.id) }),
        h('span', { class: 'meta' }, ` ${hit.source}`, hit.published ? ` · ${formatDate(hit.published)}` : ''))));
    }
  }
}

/** The body as paragraphs, with `marks` marked. */
function paragraphs(body, marks) {
  const text = (body || '').replace(/\r\n?/g, '\n').trim();
  // Wire copy is hard-wrapped with indented or blank-line paragraphs; web copy has one
  // paragraph per line.
  const wrapped = /\n[ \t]+\S|\n[ \t]*\n/.test(text);
  const blocks = (wrapped ? text.split(/\n(?:[ \t]*\n)+|\n(?=[ \t]+\S)/) : text.split('\n'))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length ? blocks.map((t) => appendMarked(h('p', { dir: 'auto' }), t, marks)) : [h('p', { class: 'meta', text: 'This article has no body text.' })];
}
