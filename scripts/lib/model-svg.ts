/** Small inline SVG charts for the model report, drawn from the numbers without a library. */

export interface Series {
  label: string;
  color: string;
  points: readonly { x: number; y: number }[];
  /** Draw markers only, no line. */
  markers?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xRange: [number, number];
  yRange: [number, number];
  /** Draw the diagonal y = x (ROC chance line, perfect calibration). */
  diagonal?: boolean;
}

const WIDTH = 420;
const HEIGHT = 320;
const MARGIN = { left: 52, right: 16, top: 28, bottom: 44 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function scaler(options: ChartOptions) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [x0, x1] = options.xRange;
  const [y0, y1] = options.yRange;
  return {
    x: (x: number) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotWidth,
    y: (y: number) => MARGIN.top + plotHeight - ((y - y0) / (y1 - y0)) * plotHeight,
  };
}

function frame(options: ChartOptions, body: string, legend: readonly Series[]): string {
  const scale = scaler(options);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const axis = ticks
    .map((t) => {
      const xValue = options.xRange[0] + t * (options.xRange[1] - options.xRange[0]);
      const yValue = options.yRange[0] + t * (options.yRange[1] - options.yRange[0]);
      const x = scale.x(xValue).toFixed(1);
      const y = scale.y(yValue).toFixed(1);
      return [
        `<line x1="${x}" y1="${scale.y(options.yRange[0])}" x2="${x}" y2="${MARGIN.top}" stroke="#eee"/>`,
        `<line x1="${MARGIN.left}" y1="${y}" x2="${scale.x(options.xRange[1])}" y2="${y}" stroke="#eee"/>`,
        `<text x="${x}" y="${HEIGHT - MARGIN.bottom + 16}" font-size="10" text-anchor="middle">${formatTick(xValue)}</text>`,
        `<text x="${MARGIN.left - 6}" y="${y}" font-size="10" text-anchor="end" dy="3">${formatTick(yValue)}</text>`,
      ].join('');
    })
    .join('');
  const keys = legend
    .map(
      (series, i) =>
        `<rect x="${MARGIN.left + 8}" y="${MARGIN.top + 6 + i * 14}" width="10" height="10" fill="${series.color}"/>` +
        `<text x="${MARGIN.left + 22}" y="${MARGIN.top + 15 + i * 14}" font-size="11">${escapeXml(series.label)}</text>`,
    )
    .join('');
  const diagonal = options.diagonal
    ? `<line x1="${scale.x(options.xRange[0])}" y1="${scale.y(options.yRange[0])}" x2="${scale.x(options.xRange[1])}" y2="${scale.y(options.yRange[1])}" stroke="#999" stroke-dasharray="4 3"/>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
    `<text x="${WIDTH / 2}" y="16" font-size="13" text-anchor="middle">${escapeXml(options.title)}</text>`,
    axis,
    diagonal,
    body,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 8}" font-size="11" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="12" y="${HEIGHT / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${HEIGHT / 2})">${escapeXml(options.yLabel)}</text>`,
    keys,
    '</svg>',
  ].join('');
}

function formatTick(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(2).replace(/\.?0+$/, '');
}

/** Line chart (or scatter, per series) of one or more series. */
export function lineChart(series: readonly Series[], options: ChartOptions): string {
  const scale = scaler(options);
  const body = series
    .map((s) => {
      if (s.markers) {
        return s.points
          .map((p) => `<circle cx="${scale.x(p.x).toFixed(1)}" cy="${scale.y(p.y).toFixed(1)}" r="3.5" fill="${s.color}"/>`)
          .join('');
      }
      const path = s.points.map((p) => `${scale.x(p.x).toFixed(1)},${scale.y(p.y).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${path}"/>`;
    })
    .join('');
  return frame(options, body, series);
}

/**
 * Histogram of several series over the same bins, drawn side by side: each series gives one
 * share per bin, and bin i spans [edges[i], edges[i + 1]).
 */
export function histogramChart(
  series: readonly { label: string; color: string; shares: readonly number[] }[],
  edges: readonly number[],
  options: ChartOptions,
): string {
  const scale = scaler(options);
  const bars: string[] = [];
  for (let bin = 0; bin + 1 < edges.length; bin += 1) {
    const left = scale.x(edges[bin]);
    const width = (scale.x(edges[bin + 1]) - left) / series.length;
    series.forEach((s, k) => {
      const top = scale.y(s.shares[bin]);
      const height = scale.y(options.yRange[0]) - top;
      bars.push(
        `<rect x="${(left + k * width).toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(0.5, width - 0.5).toFixed(1)}" height="${height.toFixed(1)}" fill="${s.color}" opacity="0.85"/>`,
      );
    });
  }
  const legend = series.map((s) => ({ label: s.label, color: s.color, points: [] }));
  return frame(options, bars.join(''), legend);
}
