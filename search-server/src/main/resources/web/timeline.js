// A bar chart of matching articles over time. Dragging sideways across it (or choosing bars
// with the keyboard) reports a date range, which the page turns into from/to filters. A click
// or tap without a sideways drag filters nothing, and a vertical swipe scrolls the page.

import { clear, formatBucket, formatCount, isoDate } from './dom.js';
import { autoScale, scaleOf } from './scale.js';

const SVG = 'http://www.w3.org/2000/svg';
const BAR = 10; // viewBox units per bucket; the SVG stretches to the plot's width
const HEIGHT = 100;
/** CSS pixels a pointer must move sideways before a press becomes a drag that filters. */
export const DRAG_THRESHOLD = 12;

/** The exclusive end of a bucket that starts at `start`. */
export function bucketEnd(start, interval) {
  const d = new Date(start);
  switch (interval) {
    case 'year': d.setUTCFullYear(d.getUTCFullYear() + 1); break;
    case 'month': d.setUTCMonth(d.getUTCMonth() + 1); break;
    case 'week': d.setUTCDate(d.getUTCDate() + 7); break;
    default: d.setUTCDate(d.getUTCDate() + 1);
  }
  return d;
}

export class Timeline {
  /**
   * figure: the <figure> holding .timeline-plot, .timeline-axis, .timeline-yaxis, the status line
   * and the scale and reset buttons. onSelect(from, to) filters by dates; onReset() clears them.
   */
  constructor(figure, onSelect, onReset) {
    this.figure = figure;
    this.plot = figure.querySelector('.timeline-plot');
    this.axis = figure.querySelector('.timeline-axis');
    this.yAxis = figure.querySelector('.timeline-yaxis');
    this.scaleButton = figure.querySelector('.timeline-scale');
    this.resetButton = figure.querySelector('.timeline-reset');
    this.scaleChoice = ''; // 'log' or 'linear' once the reader picks one; automatic until then
    this.scaleButton.addEventListener('click', () => {
      this.scaleChoice = this.scale.kind === 'log' ? 'linear' : 'log';
      this.render(this.last, this.from, this.to);
    });
    this.resetButton.addEventListener('click', () => onReset());
    this.status = figure.querySelector('#timeline-status');
    this.onSelect = onSelect;
    this.buckets = [];
    this.interval = 'month';
    this.active = -1; // bucket under the keyboard cursor
    this.anchor = -1; // where a keyboard or pointer selection started
    this.dragging = false;
    this.press = null; // where the pointer went down, until it is released

    this.plot.tabIndex = 0;
    this.plot.setAttribute('role', 'group');
    this.plot.setAttribute('aria-roledescription', 'timeline');
    this.plot.setAttribute('aria-describedby', 'timeline-status');
    this.plot.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.plot.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.plot.addEventListener('pointerup', (e) => this.pointerUp(e));
    this.plot.addEventListener('pointercancel', () => this.cancelDrag());
    this.plot.addEventListener('keydown', (e) => this.keyDown(e));
    this.plot.addEventListener('focus', () => {
      if (this.active < 0 && this.buckets.length) this.moveTo(this.buckets.length - 1, false);
    });
  }

  /** Draws the API's timeline; from/to (YYYY-MM-DD or '') mark the current date filter. */
  render(timeline, from, to) {
    Object.assign(this, { last: timeline, from, to });
    this.resetButton.hidden = !(from || to);
    this.buckets = (timeline && timeline.buckets) || [];
    this.interval = (timeline && timeline.interval) || 'month';
    this.active = -1;
    this.anchor = -1;
    this.figure.hidden = this.buckets.length === 0;
    clear(this.plot);
    clear(this.axis);
    clear(this.yAxis);
    if (!this.buckets.length) return;

    const n = this.buckets.length;
    const max = Math.max(1, ...this.buckets.map((b) => b.count));
    const counts = this.buckets.map((b) => b.count);
    this.scale = scaleOf(this.scaleChoice || autoScale(counts), max);
    this.drawScale();
    const total = this.buckets.reduce((sum, b) => sum + b.count, 0);
    const first = formatBucket(this.buckets[0].start, this.interval);
    const last = formatBucket(this.buckets[n - 1].start, this.interval);
    this.plot.setAttribute(
      'aria-label',
      `Timeline by ${this.interval}: ${formatCount(total)} articles from ${first} to ${last}. ` +
        'Arrow keys choose a period, Shift with arrow keys widens it, Enter filters by it.',
    );

    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${n * BAR} ${HEIGHT}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    const fromTime = from ? Date.parse(`${from}T00:00:00Z`) : -Infinity;
    const toTime = to ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 : Infinity;
    this.buckets.forEach((bucket, i) => {
      const start = Date.parse(bucket.start);
      const end = bucketEnd(bucket.start, this.interval).getTime();
      const height = bucket.count === 0 ? 0 : Math.max(2, this.scale.fraction(bucket.count) * (HEIGHT - 4));
      const hit = document.createElementNS(SVG, 'rect');
      hit.setAttribute('class', 'bucket');
      hit.setAttribute('x', String(i * BAR));
      hit.setAttribute('y', '0');
      hit.setAttribute('width', String(BAR));
      hit.setAttribute('height', String(HEIGHT));
      const title = document.createElementNS(SVG, 'title');
      title.textContent = this.describe(i);
      hit.append(title);
      const bar = document.createElementNS(SVG, 'rect');
      const inRange = (from || to) && start < toTime && end > fromTime;
      bar.setAttribute('class', inRange ? 'bar in-range' : 'bar');
      bar.setAttribute('x', String(i * BAR + 1));
      bar.setAttribute('y', String(HEIGHT - height));
      bar.setAttribute('width', String(BAR - 2));
      bar.setAttribute('height', String(height));
      hit.dataset.start = bucket.start;
      hit.dataset.count = String(bucket.count);
      svg.append(bar, hit);
    });
    this.selection = document.createElementNS(SVG, 'rect');
    this.selection.setAttribute('class', 'selection');
    this.selection.setAttribute('y', '0');
    this.selection.setAttribute('height', String(HEIGHT));
    this.selection.setAttribute('visibility', 'hidden');
    svg.append(this.selection);
    this.plot.append(svg);

    const labels = n > 2 ? [0, Math.floor((n - 1) / 2), n - 1] : [...Array(n).keys()];
    for (const i of labels) {
      this.axis.append(Object.assign(document.createElement('span'), {
        textContent: formatBucket(this.buckets[i].start, this.interval),
      }));
    }
    this.status.textContent = '';
  }

  /** The y-axis labels and the scale button, which says whether the scale is logarithmic. */
  drawScale() {
    this.scaleButton.setAttribute('aria-pressed', String(this.scale.kind === 'log'));
    for (const tick of this.scale.ticks) {
      const label = Object.assign(document.createElement('span'), { textContent: tick.label });
      // Placed through the CSSOM, which the page's style policy allows; bars use 96% of the height.
      label.style.bottom = `${(tick.at * 96).toFixed(1)}%`;
      this.yAxis.append(label);
    }
    this.yAxis.dataset.scale = this.scale.kind;
  }

  describe(i) {
    const b = this.buckets[i];
    return `${formatBucket(b.start, this.interval)}: ${formatCount(b.count)} article${b.count === 1 ? '' : 's'}`;
  }

  indexAt(clientX) {
    const svg = this.plot.querySelector('svg');
    const box = (svg || this.plot).getBoundingClientRect();
    const ratio = (clientX - box.left) / Math.max(1, box.width);
    return Math.min(this.buckets.length - 1, Math.max(0, Math.floor(ratio * this.buckets.length)));
  }

  showSelection(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    this.selection.setAttribute('x', String(lo * BAR));
    this.selection.setAttribute('width', String((hi - lo + 1) * BAR));
    this.selection.setAttribute('visibility', 'visible');
  }

  pointerDown(e) {
    if (!this.buckets.length || e.button !== 0) return;
    // A touch may be the start of a scroll: nothing is captured or prevented until it moves
    // sideways past the threshold.
    if (e.pointerType === 'mouse') e.preventDefault();
    this.press = { id: e.pointerId, x: e.clientX, y: e.clientY };
    this.dragging = false;
  }

  pointerMove(e) {
    if (!this.press || e.pointerId !== this.press.id) return;
    if (!this.dragging) {
      const dx = Math.abs(e.clientX - this.press.x);
      if (dx < DRAG_THRESHOLD || dx < Math.abs(e.clientY - this.press.y)) return;
      this.dragging = true;
      this.plot.focus({ preventScroll: true });
      this.plot.setPointerCapture(e.pointerId);
      this.anchor = this.indexAt(this.press.x);
    }
    this.active = this.indexAt(e.clientX);
    this.showSelection(this.anchor, this.active);
  }

  pointerUp(e) {
    const dragged = this.dragging && this.press && e.pointerId === this.press.id;
    this.press = null;
    this.dragging = false;
    if (!dragged) return;
    this.active = this.indexAt(e.clientX);
    this.choose(this.anchor, this.active);
  }

  cancelDrag() {
    this.press = null;
    this.dragging = false;
    this.selection.setAttribute('visibility', 'hidden');
  }

  keyDown(e) {
    if (!this.buckets.length) return;
    const last = this.buckets.length - 1;
    const step = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      const from = this.active < 0 ? last : this.active;
      this.moveTo(Math.min(last, Math.max(0, from + step)), e.shiftKey);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (this.active >= 0) this.choose(this.anchor < 0 ? this.active : this.anchor, this.active);
    } else if (e.key === 'Escape' && this.anchor >= 0) {
      e.preventDefault();
      this.anchor = -1;
      this.selection.setAttribute('visibility', 'hidden');
      this.status.textContent = 'Selection cleared';
    }
  }

  moveTo(index, extend) {
    if (!extend || this.anchor < 0) this.anchor = index;
    this.active = index;
    this.showSelection(this.anchor, this.active);
    const lo = Math.min(this.anchor, this.active);
    const hi = Math.max(this.anchor, this.active);
    this.status.textContent = lo === hi
      ? this.describe(lo)
      : `${formatBucket(this.buckets[lo].start, this.interval)} to ${formatBucket(this.buckets[hi].start, this.interval)}: ` +
        `${formatCount(this.buckets.slice(lo, hi + 1).reduce((s, b) => s + b.count, 0))} articles`;
  }

  choose(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const from = isoDate(new Date(this.buckets[lo].start));
    const to = isoDate(new Date(bucketEnd(this.buckets[hi].start, this.interval).getTime() - 1));
    this.onSelect(from, to);
  }
}
