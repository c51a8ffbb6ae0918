// Hand-written SVG: the pay distribution (the core's own density curve, with the published points
// and the visitor's salary marked) and small range bars.
import { s } from './dom.js';
import { moneyCompact } from './format.js';

const KEYS = ['p10', 'p25', 'p50', 'p75', 'p90'];
const SAMPLES = 121;
// The distribution chart's frame (px) and the width of a label's character, for placing labels.
const H = 200, LEFT = 10, RIGHT = 10, TOP = 34, BASE = H - 46, CHAR_WIDTH = 7.4;
const clampX = (W, x, half) => Math.min(W - half, Math.max(half, x));

/** The core's density of the area's curve over [x0, x1], as drawn: {x0, x1, xs, ys}. One call per curve. */
export function densityCurve(calc, where, x0, x1) {
  const ys = calc.densityCurve(x0, x1, { ...where, samples: SAMPLES }).densities;
  return { x0, x1, xs: ys.map((_, i) => x0 + ((x1 - x0) * i) / (SAMPLES - 1)), ys };
}

/**
 * Places the points' labels below the axis in two rows, the median first, then the ends, then the
 * quartiles, each in the first row where its box (clamped inside the chart) overlaps none there;
 * one that fits in neither is left out (its marker stays; the chart's text alternative has every
 * figure). Sets each item's `at`: {x, row}, or null. Widths are estimated generously (CHAR_WIDTH
 * is wider than any digit of the fonts the widget uses at 11px), so two boxes never meet.
 */
function placeLabels(items, W) {
  const rows = [[], []];
  for (const i of [2, 0, 4, 1, 3]) {
    const half = (items[i].text.length * CHAR_WIDTH) / 2 + 2, x = clampX(W, items[i].x, half);
    const row = rows.findIndex((r) => r.every(([a, b]) => x + half < a || x - half > b));
    items[i].at = row < 0 ? null : (rows[row].push([x - half, x + half]), { x, row });
  }
}

/**
 * The distribution chart. `points`: {p10..p90}; `salary`: the visitor's (or null); `width`: px.
 * Returns two <svg>s of the same size: the curve with the published points (role="img", whose
 * aria-label is `label`), and above it the visitor's marker, in an <svg> of its own (widget.css
 * gives it a compositor layer) so that typing a salary redraws the marker and not the curve.
 */
export function distributionChart({ curve, points, estimatedPoints = [], salary, width, label }) {
  const W = Math.max(220, Math.round(width));
  const { X, box, drawn } = curveDrawing(curve, points, estimatedPoints, W);
  let you = null;
  if (salary !== null && salary !== undefined && Number.isFinite(salary)) {
    const x = Math.min(W - RIGHT, Math.max(LEFT, X(salary)));
    const text = `You ${moneyCompact(salary)}`;
    you = s('g', { class: 'you', 'data-marker': 'you', 'data-salary': Math.round(salary) }, [
      s('line', { x1: x.toFixed(1), x2: x.toFixed(1), y1: BASE, y2: TOP - 8 }),
      s('path', { d: `M${x.toFixed(1)},${BASE - 1}l-5,8h10z` }),
      s('text', { x: clampX(W, x, text.length * CHAR_WIDTH * 0.6 + 2).toFixed(1), y: TOP - 14, 'text-anchor': 'middle' }, text), // 12px bold: 1.2 × as wide
    ]);
  }
  return [
    s('svg', { class: 'chart', part: 'chart', role: 'img', 'aria-label': label, ...box }, drawn),
    s('svg', { class: 'chart chart-you', 'aria-hidden': 'true', ...box }, you),
  ];
}

// The curve's drawing for each width, kept with the curve (memoized per place and range by the
// percentile panel): typing a salary then builds none of its ~240 coordinates again.
const drawings = new WeakMap();

function curveDrawing(curve, points, estimatedPoints, W) {
  if (!drawings.has(curve)) drawings.set(curve, new Map());
  const byWidth = drawings.get(curve);
  if (byWidth.has(W)) return byWidth.get(W);
  const { x0, x1, xs, ys } = curve;
  const X = (v) => LEFT + ((v - x0) / (x1 - x0)) * (W - LEFT - RIGHT);
  const dmax = Math.max(...ys) || 1;
  const Y = (d) => BASE - (d / dmax) * (BASE - TOP - 4);

  const line = xs.map((x, i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(ys[i]).toFixed(1)}`).join('');
  const area = `M${X(xs[0]).toFixed(1)},${BASE}${line.replace(/^M/, 'L')}L${X(xs[xs.length - 1]).toFixed(1)},${BASE}Z`;
  const mid = xs.map((x, i) => [x, ys[i]]).filter(([x]) => x >= points.p25 && x <= points.p75);
  const midPath = mid.length > 1
    ? `M${X(mid[0][0]).toFixed(1)},${BASE}${mid.map(([x, y]) => `L${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join('')}L${X(mid[mid.length - 1][0]).toFixed(1)},${BASE}Z`
    : '';
  const heightAt = (v) => {
    let i = xs.findIndex((x) => x >= v);
    if (i < 0) i = xs.length - 1;
    return Y(ys[i]);
  };

  const labels = KEYS.map((k) => ({
    x: X(points[k]), key: k,
    text: `${estimatedPoints.includes(k) ? '≈' : ''}${k} ${moneyCompact(points[k])}`,
  }));
  placeLabels(labels, W);
  const markers = labels.map((l) => s('g', { class: `marker${estimatedPoints.includes(l.key) ? ' estimated' : ''}`, 'data-point': l.key, 'data-salary': Math.round(points[l.key]) }, [
    s('line', { x1: l.x.toFixed(1), x2: l.x.toFixed(1), y1: BASE, y2: heightAt(points[l.key]).toFixed(1) }),
    l.at && s('text', { x: l.at.x.toFixed(1), y: BASE + 17 + l.at.row * 16, 'text-anchor': 'middle' }, l.text),
  ]));
  const drawing = {
    X,
    box: { viewBox: `0 0 ${W} ${H}`, width: W, height: H, preserveAspectRatio: 'xMinYMin meet' },
    drawn: [
      s('path', { class: 'curve-fill', d: area }),
      midPath ? s('path', { class: 'curve-mid', d: midPath }) : null,
      s('path', { class: 'curve-line', d: line }),
      s('line', { class: 'axis', x1: LEFT, x2: W - RIGHT, y1: BASE, y2: BASE }),
      markers,
    ],
  };
  byWidth.set(W, drawing);
  return drawing;
}

/**
 * A small horizontal range bar (decorative: the same figures are in the table beside it).
 * domain: [min, max]; low/high: the bar; mid: a tick; marker: the visitor's value.
 */
export function rangeBar({ domain, low, high, mid, marker, band }) {
  const [a, b] = domain;
  const X = (v) => Math.min(100, Math.max(0, ((v - a) / (b - a)) * 100));
  const hasRange = low !== null && low !== undefined && high !== null && high !== undefined;
  return s('svg', { class: 'bar', viewBox: '0 0 100 16', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' }, [
    band ? s('rect', { class: 'band', x: X(band[0]).toFixed(2), y: 0, width: Math.max(0.3, X(band[1]) - X(band[0])).toFixed(2), height: 16 }) : null,
    s('line', { class: 'track', x1: 0, x2: 100, y1: 8, y2: 8, 'vector-effect': 'non-scaling-stroke' }),
    hasRange ? s('rect', { class: 'range', x: X(low).toFixed(2), y: 4, width: Math.max(0.6, X(high) - X(low)).toFixed(2), height: 8, rx: 1 }) : null,
    mid !== null && mid !== undefined ? s('line', { class: 'mid', x1: X(mid), x2: X(mid), y1: 1, y2: 15, 'vector-effect': 'non-scaling-stroke' }) : null,
    marker !== null && marker !== undefined ? s('line', { class: 'mark', x1: X(marker), x2: X(marker), y1: 0, y2: 16, 'vector-effect': 'non-scaling-stroke' }) : null,
  ]);
}
