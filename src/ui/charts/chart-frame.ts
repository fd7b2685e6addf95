/**
 * The frame of a chart: its height, and SVG fragments drawn from d3 scales for the axes with
 * their grid lines, the one-row legend and the title that fits the width; the tick values and
 * the left margin they need; where the pointer and the tooltip are. Not a component; used
 * only by the charts. The palette and type sizes are in chart-theme.ts, the marks of baseline
 * against scenario in comparison-marks.ts, the shared styles in chart-styles.ts.
 */
import type { ScaleLinear } from 'd3';
import { nothing, svg } from 'lit';
import { COLOURS, FONT, FONT_FAMILY, LINE_WIDTH, textWidth } from './chart-theme';

/** Fixed chart height in px; the width follows the container. */
export const CHART_HEIGHT = 460;

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A horizontal axis along the bottom of the plot: ticks, tick labels and a title. */
export function bottomAxis(
  x: ScaleLinear<number, number>,
  ticks: readonly number[],
  format: (t: number) => string,
  y: number,
  title: string,
  /** A second label under each tick (grey), e.g. the calendar week; the title moves down. */
  sub?: (t: number) => string,
) {
  const [r0, r1] = x.range();
  return svg`<g class="axis x-axis" font-family=${FONT_FAMILY} fill=${COLOURS.text}>
    <line x1=${r0} x2=${r1} y1=${y} y2=${y} stroke=${COLOURS.axis} stroke-width="1.5"></line>
    ${ticks.map(
      (t) => svg`<g transform="translate(${x(t)},${y})">
        <line y2="6" stroke=${COLOURS.axis} stroke-width="1.5"></line>
        <text y="24" text-anchor="middle" font-size=${FONT.tick}>${format(t)}</text>
        ${sub ? svg`<text class="sub-tick" y="42" text-anchor="middle" font-size=${FONT.tick} fill=${COLOURS.muted}>${sub(t)}</text>` : ''}
      </g>`,
    )}
    <text class="axis-title" x=${(r0 + r1) / 2} y=${y + (sub ? 68 : 50)} text-anchor="middle"
      font-size=${fitSize(title, FONT.axis * 1.08, Math.abs(r1 - r0) + 2 * Math.min(r0, 16), FONT.axis)}
      font-weight="600">${title}</text>
  </g>`;
}

/** A vertical axis on the left of the plot with horizontal grid lines across it. */
export function leftAxis(
  y: ScaleLinear<number, number>,
  ticks: readonly number[],
  format: (t: number) => string,
  box: { left: number; right: number },
  title: string,
  titleX: number,
) {
  const [r0, r1] = y.range();
  return svg`<g class="axis y-axis" font-family=${FONT_FAMILY} fill=${COLOURS.text}>
    ${ticks.map(
      (t) => svg`<g transform="translate(0,${y(t)})">
        <line x1=${box.left} x2=${box.right} stroke=${COLOURS.grid} stroke-width="1"></line>
        <text x=${box.left - 8} dy="0.32em" text-anchor="end" font-size=${FONT.tick}>${format(t)}</text>
      </g>`,
    )}
    <line x1=${box.left} x2=${box.left} y1=${r0} y2=${r1} stroke=${COLOURS.axis} stroke-width="1.5"></line>
    <text class="axis-title" transform="translate(${titleX},${(r0 + r1) / 2}) rotate(-90)"
      text-anchor="middle" font-size=${FONT.axis} font-weight="600">${title}</text>
  </g>`;
}

export interface LegendItem {
  label: string;
  colour: string;
  /** A line sample (with its dash) or a bar sample (filled or outlined). */
  kind: 'line' | 'filled' | 'outlined';
  dash?: string;
  /** A bar sample drawn after a line sample, for charts with both. */
  bar?: 'filled' | 'outlined';
  /** Line width of a line sample (default LINE_WIDTH). */
  width?: number;
  /** A shorter label for a narrow chart. */
  short?: string;
}

function barSample(colour: string, how: 'filled' | 'outlined', x: number) {
  return svg`<rect x=${x} y="-8" width="18" height="16" fill=${how === 'filled' ? colour : '#ffffff'}
    stroke=${colour} stroke-width="2"></rect>`;
}

/** A one-row legend starting at (x, y); returns the fragment. */
export function legend(items: readonly LegendItem[], x: number, y: number, width = Infinity) {
  // Roomy when the chart is wide enough; else closer together with the short labels.
  const layout = (gap: number, short: boolean) => {
    let offset = 0;
    const placed = items.map((item) => {
      const textX = item.kind === 'line' && item.bar ? 70 : 44;
      const label = (short && item.short) || item.label;
      const at = offset;
      offset += textX + textWidth(label, FONT.legend) + gap;
      return { item, at, textX, label };
    });
    return { placed, width: offset - gap };
  };
  const roomy = layout(28, false);
  const tight = layout(14, true);
  const placed = x + roomy.width <= width ? roomy.placed : tight.placed;
  // A phone-narrow chart: the tight legend shrinks to fit rather than run off the edge.
  const room = width - x - 4;
  const k =
    x + roomy.width <= width || tight.width <= room ? 1 : Math.max(0.55, room / tight.width);
  const parts = placed.map(({ item, at, textX, label }) => {
    const sample =
      item.kind === 'line'
        ? svg`<line x1="0" x2="36" y1="0" y2="0" stroke=${item.colour}
            stroke-width=${item.width ?? LINE_WIDTH} stroke-dasharray=${item.dash ?? 'none'}></line>
            ${item.bar ? barSample(item.colour, item.bar, 44) : nothing}`
        : barSample(item.colour, item.kind, 9);
    return svg`<g transform="translate(${at},0)">
      ${sample}
      <text x=${textX} dy="0.32em" font-size=${FONT.legend}>${label}</text>
    </g>`;
  });
  const scale = k < 1 ? ` scale(${k.toFixed(3)})` : '';
  return svg`<g class="legend" transform="translate(${x},${y})${scale}" font-family=${FONT_FAMILY}
    fill=${COLOURS.text}>${parts}</g>`;
}

/**
 * The font size at which `text` fits `room` px: `size` when it fits at that (`measure` is the
 * size its width is estimated at, larger for bold), else smaller, down to 60% of it.
 */
export function fitSize(text: string, measure: number, room: number, size: number): number {
  const needed = textWidth(text, measure);
  if (needed <= room) return size;
  return Math.round(Math.max(0.6, room / needed) * size * 10) / 10;
}

/**
 * The chart's title line at the top left: the first of `texts` (longest first) that fits a
 * chart `width` px wide, else the last, so that a narrow chart never cuts its title off.
 */
export function chartTitle(texts: readonly string[], x: number, y: number, width: number) {
  // Bold glyphs run about an eighth wider than textWidth's average.
  const fits = (t: string) => x + 1.12 * textWidth(t, FONT.title) + 8 <= width;
  const text = texts.find(fits) ?? texts[texts.length - 1] ?? '';
  // Not even the shortest fits (a phone): it is set smaller, never cut off.
  const size = fitSize(text, FONT.title * 1.12, width - x - 8, FONT.title);
  return svg`<text class="chart-title" x=${x} y=${y} font-family=${FONT_FAMILY}
    font-size=${size} font-weight="700" fill=${COLOURS.text}>${text}</text>`;
}

/**
 * Tick values a linear scale proposes for an axis `length` px long (about one per `spacing`
 * px), and the format that prints them with just enough decimals (`spec` "%" for shares,
 * ",f" for grouped numbers).
 */
export function axisTicks(
  scale: ScaleLinear<number, number>,
  length: number,
  spacing: number,
  spec = ',f',
): { ticks: number[]; format: (t: number) => string } {
  const count = Math.max(2, Math.floor(Math.abs(length) / spacing));
  return { ticks: scale.ticks(count), format: scale.tickFormat(count, spec) };
}

/** Left margin that fits the widest tick label and the rotated axis title. */
export function leftMargin(labels: readonly string[]): number {
  return Math.max(24, ...labels.map((l) => textWidth(l, FONT.tick))) + 52;
}

/** A pointer event's x relative to the svg of the element it was bound on (else the host). */
export function pointerX(e: PointerEvent, host: HTMLElement): number {
  const target = e.currentTarget;
  const svgEl =
    target instanceof SVGSVGElement
      ? target
      : target instanceof SVGElement
        ? target.ownerSVGElement
        : null;
  return e.clientX - (svgEl ?? host).getBoundingClientRect().left;
}

/**
 * Inline style placing a tooltip beside a vertical guide at `px`, on the side with more room,
 * and above or below the plot's middle so that it does not cover the point at `py`.
 */
export function tooltipPlace(
  px: number,
  py: number | undefined,
  box: { left: number; right: number; top: number; bottom: number },
  width: number,
): string {
  const horizontal =
    px > (box.left + box.right) / 2 ? `right:${width - px + 14}px` : `left:${px + 14}px`;
  const low = py !== undefined && py < (box.top + box.bottom) / 2;
  const vertical = low
    ? `top:${box.bottom - 8}px;transform:translateY(-100%)`
    : `top:${box.top + 8}px`;
  return `${horizontal};${vertical}`;
}
