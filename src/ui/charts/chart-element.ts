/**
 * The behaviour every chart component shares, as an abstract base class (not a component of
 * its own): the host's width, SVG and PNG export, the root svg with its keyboard handlers, the
 * transparent rect that reads the value under the pointer, and the reading (a week, a bin, a
 * point, a cell or a row) that the pointer, focus and the arrow keys move. Charts whose marks
 * take focus one by one (the explorer's trade-off, heatmap and tornado) use a root svg that is a
 * group and read the mark under the pointer or focus themselves. No d3 here; the charts bring
 * their scales.
 */
import {
  LitElement,
  html,
  nothing,
  svg,
  type CSSResultGroup,
  type SVGTemplateResult,
  type TemplateResult,
} from 'lit';
import { state } from 'lit/decorators.js';
import { stepIndex } from '../shared/keys';
import { captionLines, type ExportContext } from '../shared/export-context';
import { standaloneSvg, svgPng, svgSize } from './chart-export';
import { CHART_HEIGHT, pointerX, type Box } from './chart-frame';
import { chartStyles } from './chart-styles';
import { FONT_FAMILY } from './chart-theme';
import { WidthController } from './width-controller';

/** The values a chart's reading steps through, and where keyboard reading starts. */
export interface Readings {
  /** The first value (1 for weeks, 0 for bins). */
  first: number;
  /** How many values there are. */
  count: number;
  /** The value focus starts at when nothing is read yet. */
  start: number;
  /** How far PageUp / PageDown move. */
  page: number;
}

/** The readings of a week chart: weeks 1..weeks, keyboard reading starting at the last. */
export function weekReadings(weeks: number): Readings {
  return { first: 1, count: weeks, start: weeks, page: 4 };
}

/** The readings of a chart of `count` items (points, cells, rows): 0..count-1, starting at 0. */
export function indexReadings(count: number): Readings {
  return { first: 0, count, start: 0, page: 4 };
}

/** The root svg of a chart and what it is called. */
export interface Frame {
  /** The root svg's `data-chart`. */
  chart: string;
  /** The svg's accessible name. */
  label: string;
  /** The svg's `<title>`. */
  title: string;
  /** Everything drawn inside the svg. */
  body: SVGTemplateResult;
  /** The tooltip (or the empty status) beside the svg. */
  tooltip: TemplateResult;
  /** The svg's height in px (default CHART_HEIGHT). */
  height?: number;
  /** A sentence under the chart saying how to read it (not part of exports). */
  note?: string;
  /**
   * Who takes keyboard focus: the svg itself (default; role img, the arrow keys move the
   * reading), or the marks inside it one by one (role group, the svg neither focusable nor
   * listening to keys).
   */
  focus?: 'svg' | 'marks';
}

export abstract class ChartElement extends LitElement {
  static override styles: CSSResultGroup = chartStyles;

  /** The week (1-based) or bin (0-based) whose values the tooltip shows, if any. */
  @state() protected active: number | undefined;

  /** While the chart has keyboard focus, the pointer leaving it keeps the reading. */
  protected focused = false;
  protected readonly size = new WidthController(this);

  /** "weekly chart", for the error thrown when nothing is drawn yet. */
  protected abstract readonly chartName: string;

  /** The values `active` steps through. */
  protected abstract readings(): Readings;

  /**
   * The chart as a standalone SVG document; with a context, its caption (scenario, levers,
   * seed, date, link) is drawn under the chart.
   */
  svgText(context?: ExportContext): string {
    const el = this.svgElement();
    return standaloneSvg(el, this.caption(el, context));
  }

  /** The chart as a PNG at twice its size, with its caption when given a context. */
  pngBlob(context?: ExportContext): Promise<Blob> {
    const el = this.svgElement();
    return svgPng(el, this.caption(el, context));
  }

  private caption(el: SVGSVGElement, context: ExportContext | undefined): string[] {
    return context ? captionLines(context, svgSize(el).width) : [];
  }

  private svgElement(): SVGSVGElement {
    const el = this.renderRoot.querySelector('svg[data-chart]');
    if (!(el instanceof SVGSVGElement)) {
      throw new Error(`the ${this.chartName} has nothing drawn yet`);
    }
    return el;
  }

  /**
   * What the chart shows while it cannot draw: `empty` ("Computing…") without data, an empty
   * box until its width is known; undefined once it can draw.
   */
  protected placeholder(hasData: boolean, empty = 'Computing…'): TemplateResult | undefined {
    if (!hasData) return html`<p class="status">${empty}</p>`;
    if (this.size.width === 0) return html`<div class="status"></div>`;
    return undefined;
  }

  /**
   * The root svg, full width and CHART_HEIGHT (or `f.height`) high, followed by the tooltip;
   * focusable with the keyboard handlers unless its marks take focus.
   */
  protected frame(f: Frame): TemplateResult {
    const width = this.size.width;
    const height = f.height ?? CHART_HEIGHT;
    const keys = f.focus !== 'marks';
    return html`<div class="wrap">
        <svg
          data-chart=${f.chart}
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          role=${keys ? 'img' : 'group'}
          aria-label=${f.label}
          tabindex=${keys ? '0' : nothing}
          font-family=${FONT_FAMILY}
          @keydown=${keys ? this.onKey : nothing}
          @focus=${keys ? this.onFocus : nothing}
          @blur=${keys ? this.onBlur : nothing}
        >
          <title>${f.title}</title>
          ${f.body}
        </svg>
        ${f.tooltip}
      </div>
      ${f.note ? html`<p class="chart-note">${f.note}</p>` : nothing}`;
  }

  /**
   * A transparent rect over the plot, left out of exports, that reads the value `pick` finds
   * at the pointer's x (px from the svg's left edge); with `choose`, a click passes that value
   * to it (and the pointer shows it can).
   */
  protected pointerArea(
    box: Box,
    pick: (px: number) => number | undefined,
    choose?: (value: number | undefined) => void,
  ): SVGTemplateResult {
    return svg`<rect
      data-export="skip"
      x=${box.left}
      y=${box.top}
      width=${box.right - box.left}
      height=${box.bottom - box.top}
      fill="transparent"
      style=${choose ? 'cursor:pointer' : nothing}
      @pointermove=${(e: PointerEvent) => {
        this.active = pick(pointerX(e, this));
      }}
      @pointerleave=${this.onLeave}
      @click=${choose ? (e: PointerEvent) => choose(pick(pointerX(e, this))) : nothing}
    ></rect>`;
  }

  /**
   * A key the chart handles before the readings' steps (Escape aside), e.g. Enter to choose
   * the reading; true when it did. None by default.
   */
  protected chartKey(_e: KeyboardEvent): boolean {
    return false;
  }

  /** The live region where the tooltip goes while nothing is read. */
  protected noReading(): TemplateResult {
    return html`<div class="sr-only" role="status"></div>`;
  }

  private onLeave = (): void => {
    if (!this.focused) this.active = undefined;
  };

  private onFocus = (): void => {
    this.focused = true;
    if (this.active === undefined) this.active = this.readings().start;
  };

  private onBlur = (): void => {
    this.focused = false;
    this.active = undefined;
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      this.active = undefined;
      return;
    }
    if (this.chartKey(e)) return;
    const { first, count, start, page } = this.readings();
    const next = stepIndex(e.key, (this.active ?? start) - first, count, page);
    if (next === undefined) return;
    e.preventDefault();
    this.active = next + first;
  };
}
