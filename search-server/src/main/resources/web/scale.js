// How the timeline maps article counts to bar heights: linear, or logarithmic when one period
// dwarfs the others so much that the rest would be flat lines.

/** The largest count over the median of the non-zero counts above which the scale is logarithmic. */
export const LOG_RATIO = 20;

const compact = new Intl.NumberFormat('en', { notation: 'compact' });

/** 'log' when the largest count is more than LOG_RATIO times the (lower) median non-zero count. */
export function autoScale(counts) {
  const nonZero = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (nonZero.length < 2) return 'linear';
  const median = nonZero[Math.floor((nonZero.length - 1) / 2)];
  return nonZero[nonZero.length - 1] / median > LOG_RATIO ? 'log' : 'linear';
}

/**
 * The scale of `kind` up to `max`: fraction(count) is a bar's height from 0 to 1, and ticks are
 * a few round counts with their labels, for the y-axis.
 */
export function scaleOf(kind, max) {
  const top = Math.max(1, max);
  if (kind === 'log') {
    const fraction = (count) => Math.log10(count + 1) / Math.log10(top + 1);
    // 1 sits right on 0 once the top is in the hundreds: start at 10 there.
    const ticks = [0];
    for (let v = top >= 100 ? 10 : 1; v <= top; v *= 10) ticks.push(v);
    return { kind, fraction, ticks: ticks.map((v) => ({ value: v, at: fraction(v), label: compact.format(v) })) };
  }
  const fraction = (count) => count / top;
  const step = niceStep(top / 3);
  const ticks = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { kind, fraction, ticks: ticks.map((v) => ({ value: v, at: fraction(v), label: compact.format(v) })) };
}

/** 1, 2 or 5 times a power of ten, at least `raw` (and at least 1). */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || 10 * power;
}
