import { color, interpolateCividis, scaleBand, scaleSequential, type ScaleBand } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TREE_GUARDRAIL_IDS, breachNames } from '../../model/guardrails';
import type { MetricDef, MetricId } from '../../model/metrics';
import { axisTitle, formatNumber, formatValue, formatWithInterval } from './chart-data';
import { ChartElement, indexReadings, type Readings } from './chart-element';
import { chartTitle, tooltipPlace, type Box } from './chart-frame';
import { COLOURS, FONT, FONT_FAMILY, textWidth } from './chart-theme';
import { metricDef } from '../shared/comparison-rows';
import { luminance, textOn, type HeatCell } from './explore-data';
import { displayNumber } from '../shared/lever-values';

const TOP = 104;
const BOTTOM = 78;
const RIGHT = 24;
const MAX_CELL_HEIGHT = 76;
const MIN_CELL_HEIGHT = 44;
const HATCH = '#7a1f5c';

/** Where a cell is drawn: its top-left corner and its size, in px. */
interface CellBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The hatch pattern of breaching cells and the gradient of the colour legend. */
function defs() {
  return svg`<defs>
    <pattern id="breach-hatch" patternUnits="userSpaceOnUse" width="10" height="10"
      patternTransform="rotate(45)">
      <rect width="10" height="10" fill="none"></rect>
      <line x1="0" y1="0" x2="0" y2="10" stroke=${HATCH} stroke-width="4"></line>
    </pattern>
    <linearGradient id="heat-legend" x1="0" x2="1" y1="0" y2="0">
      ${[0, 0.25, 0.5, 0.75, 1].map(
        (t) => svg`<stop offset=${t} stop-color=${interpolateCividis(t)}></stop>`,
      )}
    </linearGradient>
  </defs>`;
}

/** Black or white, whichever contrasts more with the fill. */
function inkOn(colour: string): string {
  const rgb = color(colour)?.rgb();
  return rgb ? textOn(luminance(rgb.r, rgb.g, rgb.b)) : '#111111';
}

/** A cell's fill, hatched over when it breaches the guardrail. */
function cellFill(at: CellBox, colour: string, breach: boolean) {
  return svg`<rect x=${at.x} y=${at.y} width=${at.w} height=${at.h} fill=${colour}></rect>
    ${
      breach
        ? svg`<rect x=${at.x} y=${at.y} width=${at.w} height=${at.h} fill="url(#breach-hatch)"
            fill-opacity="0.55"></rect>`
        : nothing
    }`;
}

/** The ring inside a cell: solid white on the current scenario, dashed on the one read. */
function cellRing(at: CellBox, current: boolean) {
  return svg`<rect x=${at.x + 2} y=${at.y + 2} width=${at.w - 4} height=${at.h - 4} fill="none"
    stroke=${current ? '#ffffff' : COLOURS.marker} stroke-width="3"
    stroke-dasharray=${current ? 'none' : '4 3'}></rect>`;
}

/**
 * What a breaching cell says under its value: the first guardrail breached ("⚠ Hours below
 * wage floor", "+1" for each other), or "⚠ breach" where that does not fit the cell.
 */
function breachLabel(c: HeatCell, width: number): string {
  const first = c.breaches[0];
  if (first === undefined) return '';
  const more = c.breaches.length > 1 ? ` +${c.breaches.length - 1}` : '';
  const named = `⚠ ${metricDef(first).label}${more}`;
  return textWidth(named, FONT.tick) + 8 <= width ? named : '⚠ breach';
}

/**
 * A cell's value in `ink`, and on a breaching cell the guardrail breached below it (or just "⚠"
 * after it where the cell is too small), outlined in the other ink so that it reads over the
 * hatch.
 */
function cellText(at: CellBox, ink: string, breach: string, text: string) {
  const small = at.h < 56;
  const halo = ink === '#ffffff' ? '#111111' : '#ffffff';
  return svg`<text x=${at.x + at.w / 2} y=${at.y + at.h / 2 - (breach && !small ? 8 : 0)} dy="0.35em"
      text-anchor="middle" font-size=${FONT.axis} font-weight="700" fill=${ink}
      stroke=${breach ? halo : 'none'}
      stroke-width=${breach ? 3 : 0} paint-order="stroke"
      >${text}${breach && small ? ' ⚠' : ''}</text>
    ${
      breach && !small
        ? svg`<text x=${at.x + at.w / 2} y=${at.y + at.h / 2 + 14} dy="0.35em" text-anchor="middle"
            font-size=${FONT.tick} fill=${ink} stroke=${halo}
            stroke-width="3" paint-order="stroke">${breach}</text>`
        : nothing
    }`;
}

/**
 * A metric over two levers: one cell per pair of values, coloured by the metric's long-run mean
 * (cividis, legend below the title) with the value printed in each cell in black or white,
 * whichever contrasts more with the fill. Cells where any guardrail is breached (whatever metric
 * is coloured) are hatched and name the guardrail in words; the legend names every guardrail
 * breached in the grid. Hover or focus a cell (Tab) to read its interval and breaches; click it
 * or press Enter to make it the scenario. Cells carry `data-cell="<x>,<y>"`, `data-value`,
 * `data-breach` and `data-breaches` (ids, comma-separated); the legend's names carry
 * `data-guardrail="<id>"` and `data-breached="true"`.
 *
 * @fires cell-select - CustomEvent<{ x: number; y: number }>, the levers' values of the cell.
 */
@customElement('heatmap-chart')
export class HeatmapChart extends ChartElement {
  @property({ type: String }) metric: MetricId = 'costPerPackage';
  /** Values of the horizontal lever, left to right. */
  @property({ attribute: false }) xValues: readonly number[] = [];
  /** Values of the vertical lever, bottom to top. */
  @property({ attribute: false }) yValues: readonly number[] = [];
  /** One cell per (x, y) pair. */
  @property({ attribute: false }) cells: readonly HeatCell[] = [];
  @property({ type: String }) xTitle = '';
  @property({ type: String }) yTitle = '';
  /** The cell that is the current scenario, if one is. */
  @property({ attribute: false }) current: { xi: number; yi: number } | undefined;

  protected readonly chartName = 'heatmap';

  /** The cells (by index in `cells`), read one at a time as the pointer or focus reaches them. */
  protected readings(): Readings {
    return indexReadings(this.cells.length);
  }

  override render() {
    const width = this.size.width;
    const waiting = this.placeholder(
      this.cells.length > 0,
      'Choose two levers and their ranges, then run the grid.',
    );
    if (waiting) return waiting;
    const m = metricDef(this.metric);
    const { domain, fill } = this.colours(m);
    const { x, y, box } = this.layout();
    const breaches = this.cells.filter((c) => c.breach).length;
    const label = `${m.label} over ${this.xTitle} and ${this.yTitle}: ${this.cells.length} cells, ${breaches} breaching a guardrail. Tab to a cell and press Enter to make it the scenario.`;
    return this.frame({
      chart: 'heatmap',
      label,
      title: `${m.label} over two levers`,
      height: box.bottom + BOTTOM,
      focus: 'marks',
      body: svg`${defs()}
        ${chartTitle([`${m.label} (long run) over two levers`, `${m.label} (long run)`], 8, 22, width)}
        ${this.legendRow(m, domain)}
        ${this.cells.map((c, i) => this.cell(c, i, x, y, fill, m))}
        ${this.axisLabels(x, y, box)}`,
      tooltip: this.tooltip(x, y, box, m),
    });
  }

  /**
   * The colour scale over the cells' means (cividis), from the better end (dark) to the worse
   * end (light), and that domain.
   */
  private colours(m: MetricDef): { domain: [number, number]; fill: (v: number) => string } {
    const means = this.cells.map((c) => c.mean).filter(Number.isFinite);
    const lo = means.length ? Math.min(...means) : 0;
    const hi = means.length ? Math.max(...means) : 1;
    // Darker is better: the scale runs from the better end (dark) to the worse end (light).
    const domain: [number, number] = m.better === 'up' ? [hi, lo] : [lo, hi];
    const fill = scaleSequential(interpolateCividis).domain(
      domain[0] === domain[1] ? [lo - 1, hi + 1] : domain,
    );
    return { domain, fill };
  }

  /** The grid's box (cells as tall as fits, within limits) and its band scales. */
  private layout(): { x: ScaleBand<number>; y: ScaleBand<number>; box: Box } {
    const yLabels = this.yValues.map(displayNumber);
    const left = Math.max(60, ...yLabels.map((l) => textWidth(l, FONT.tick))) + 56;
    const rows = Math.max(1, this.yValues.length);
    // Cells tall enough that the vertical lever's title fits beside them (not into the legend).
    const titleH = (textWidth(this.yTitle, FONT.axis) + 16) / rows;
    const cellH = Math.max(
      titleH,
      Math.min(MAX_CELL_HEIGHT, Math.max(MIN_CELL_HEIGHT, 420 / rows)),
    );
    const box: Box = {
      left,
      right: this.size.width - RIGHT,
      top: TOP,
      bottom: TOP + cellH * this.yValues.length,
    };
    const x = scaleBand<number>()
      .domain(this.xValues.map((_, i) => i))
      .range([box.left, box.right])
      .padding(0.04);
    const y = scaleBand<number>()
      .domain(this.yValues.map((_, i) => i))
      .range([box.bottom, box.top])
      .padding(0.06);
    return { x, y, box };
  }

  /** The levers' values along the bottom and up the left, and the levers' titles. */
  private axisLabels(x: ScaleBand<number>, y: ScaleBand<number>, box: Box) {
    return svg`<g font-family=${FONT_FAMILY} fill=${COLOURS.text} font-size=${FONT.tick}>
      ${this.xValues.map(
        (v, i) => svg`<text x=${(x(i) ?? 0) + x.bandwidth() / 2} y=${box.bottom + 24}
          text-anchor="middle">${displayNumber(v)}</text>`,
      )}
      ${this.yValues.map(
        (v, i) => svg`<text x=${box.left - 10} y=${(y(i) ?? 0) + y.bandwidth() / 2}
          dy="0.32em" text-anchor="end">${displayNumber(v)}</text>`,
      )}
      <text x=${(box.left + box.right) / 2} y=${box.bottom + 54} text-anchor="middle"
        font-size=${FONT.axis} font-weight="600">${this.xTitle}</text>
      <text transform="translate(18,${(box.top + box.bottom) / 2}) rotate(-90)"
        text-anchor="middle" font-size=${FONT.axis} font-weight="600">${this.yTitle}</text>
    </g>`;
  }

  /** The guardrails breached in some cell, in table order, with how many cells breach each. */
  private breachCounts(): { id: MetricId; cells: number }[] {
    return TREE_GUARDRAIL_IDS.map((id) => ({
      id,
      cells: this.cells.filter((c) => c.breaches.includes(id)).length,
    })).filter((b) => b.cells > 0);
  }

  /** The hatch's key: "⚠ Hatched: a guardrail breached:" and each one breached, named. */
  private hatchKey(x: number, y: number) {
    const counts = this.breachCounts();
    const lead = `⚠ Hatched: a guardrail breached${counts.length ? ':' : ' (none here)'}`;
    const room = this.size.width - x - 44;
    let used = textWidth(lead, FONT.legend);
    const shown: typeof counts = [];
    for (const b of counts) {
      const w = textWidth(` ${metricDef(b.id).label} (${b.cells}),`, FONT.legend);
      if (used + w > room && shown.length > 0) break;
      shown.push(b);
      used += w;
    }
    const rest = counts.length - shown.length;
    return svg`<g transform="translate(${x},${y})">
      <rect width="28" height="20" fill="#ffffff" stroke=${COLOURS.axis}></rect>
      <rect width="28" height="20" fill="url(#breach-hatch)"></rect>
      <text x="36" y="15" data-hatch-key>${lead}${shown.map(
        (b, i) =>
          svg`<tspan data-guardrail=${b.id} data-breached="true"> ${metricDef(b.id).label} (${b.cells} ${b.cells === 1 ? 'cell' : 'cells'})${i < shown.length - 1 ? ',' : ''}</tspan>`,
      )}${rest > 0 ? ` and ${rest} more` : ''}</text>
    </g>`;
  }

  private legendRow(m: MetricDef, domain: [number, number]) {
    const w = 200;
    const y0 = 44;
    const better = formatValue(m, domain[0]);
    const worse = formatValue(m, domain[1]);
    const hatchX = 8 + w + 2 * textWidth(worse, FONT.legend) + 80;
    return svg`<g class="legend" font-family=${FONT_FAMILY} font-size=${FONT.legend}
      fill=${COLOURS.text}>
      <text x="8" y=${y0 + 4}>${axisTitle(m)}: darker is better</text>
      <text x="8" y=${y0 + 42} text-anchor="start">${better}</text>
      <rect x=${16 + textWidth(better, FONT.legend)} y=${y0 + 26} width=${w} height="20"
        fill="url(#heat-legend)" stroke=${COLOURS.axis}></rect>
      <text x=${24 + textWidth(better, FONT.legend) + w} y=${y0 + 42}>${worse}</text>
      ${this.hatchKey(hatchX, y0 + 26)}
    </g>`;
  }

  private cell(
    c: HeatCell,
    index: number,
    x: ScaleBand<number>,
    y: ScaleBand<number>,
    fill: (v: number) => string,
    m: MetricDef,
  ) {
    const cx = x(c.xi);
    const cy = y(c.yi);
    if (cx === undefined || cy === undefined) return nothing;
    const at: CellBox = { x: cx, y: cy, w: x.bandwidth(), h: y.bandwidth() };
    const colour = Number.isFinite(c.mean) ? fill(c.mean) : '#f2f4f7';
    const current = this.current?.xi === c.xi && this.current.yi === c.yi;
    const text = Number.isFinite(c.mean) ? formatNumber(m, c.mean) : '– no value';
    const named = c.breach ? `, breaches ${breachNames(c.breaches)}` : '';
    return svg`<g class="cell" data-cell=${`${c.x},${c.y}`} data-value=${String(c.mean)}
      data-breach=${c.breach ? 'true' : 'false'} data-breaches=${c.breaches.join(',')}
      tabindex="0" role="button" style="cursor:pointer"
      aria-label=${`${displayNumber(c.x)}, ${displayNumber(c.y)}: ${text}${named}`}
      @pointerenter=${() => (this.active = index)}
      @pointerleave=${() => (this.active = undefined)}
      @focus=${() => (this.active = index)}
      @blur=${() => (this.active = undefined)}
      @click=${() => this.choose(c)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.choose(c);
        }
      }}>
      <title>${`${text}${named}`}</title>
      ${cellFill(at, colour, c.breach)}
      ${current || this.active === index ? cellRing(at, current) : nothing}
      ${cellText(at, inkOn(colour), breachLabel(c, at.w), `${text}${current ? ' ●' : ''}`)}
    </g>`;
  }

  private tooltip(x: ScaleBand<number>, y: ScaleBand<number>, box: Box, m: MetricDef) {
    const c = this.active === undefined ? undefined : this.cells[this.active];
    if (!c) return this.noReading();
    const px = (x(c.xi) ?? 0) + x.bandwidth() / 2;
    const py = (y(c.yi) ?? 0) + y.bandwidth() / 2;
    const style = tooltipPlace(px, py, box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${this.xTitle}: ${displayNumber(c.x)} · ${this.yTitle}: ${displayNumber(c.y)}</strong>
      <div>${m.label}: ${formatWithInterval((v) => formatValue(m, v), c)}</div>
      ${c.breach ? html`<div>⚠ Breaches ${breachNames(c.breaches)}</div>` : nothing}
      ${this.current?.xi === c.xi && this.current.yi === c.yi ? html`<div>● Current scenario</div>` : nothing}
      <div class="note">Click or press Enter to make this the scenario.</div>
    </div>`;
  }

  private choose(c: HeatCell): void {
    this.dispatchEvent(
      new CustomEvent<{ x: number; y: number }>('cell-select', {
        detail: { x: c.x, y: c.y },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heatmap-chart': HeatmapChart;
  }
}
