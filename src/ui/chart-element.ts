/**
 * The behaviour every chart component shares, as an abstract base class (not a component of
 * its own): the host's width, SVG and PNG export, the root svg with its keyboard handlers, the
 * transparent rect that reads the value under the pointer, and the reading (a week or a bin)
 * that the pointer, focus and the arrow keys move. No d3 here; the charts bring their scales.
 */
import { LitElement, html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { stepIndex } from './chart-data';
import { standaloneSvg, svgPng } from './chart-export';
import {
  CHART_HEIGHT,
  FONT_FAMILY,
  WidthController,
  chartStyles,
  pointerX,
  type Box,
} from './chart-frame';

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
}

export abstract class ChartElement extends LitElement {
  static override styles = chartStyles;

  /** The week (1-based) or bin (0-based) whose values the tooltip shows, if any. */
  @state() protected active: number | undefined;

  /** While the chart has keyboard focus, the pointer leaving it keeps the reading. */
  protected focused = false;
  protected readonly size = new WidthController(this);

  /** "weekly chart", for the error thrown when nothing is drawn yet. */
  protected abstract readonly chartName: string;

  /** The values `active` steps through. */
  protected abstract readings(): Readings;

  /** The chart as a standalone SVG document. */
  svgText(): string {
    return standaloneSvg(this.svgElement());
  }

  /** The chart as a PNG at twice its size. */
  pngBlob(): Promise<Blob> {
    return svgPng(this.svgElement());
  }

  private svgElement(): SVGSVGElement {
    const el = this.renderRoot.querySelector('svg[data-chart]');
    if (!(el instanceof SVGSVGElement)) {
      throw new Error(`the ${this.chartName} has nothing drawn yet`);
    }
    return el;
  }

  /**
   * What the chart shows while it cannot draw: "Computing…" without data, an empty box until
   * its width is known; undefined once it can draw.
   */
  protected placeholder(hasData: boolean): TemplateResult | undefined {
    if (!hasData) return html`<p class="status">Computing…</p>`;
    if (this.size.width === 0) return html`<div class="status"></div>`;
    return undefined;
  }

  /** The focusable root svg, full width and CHART_HEIGHT high, followed by the tooltip. */
  protected frame(f: Frame): TemplateResult {
    const width = this.size.width;
    return html`<div class="wrap">
      <svg
        data-chart=${f.chart}
        width=${width}
        height=${CHART_HEIGHT}
        viewBox="0 0 ${width} ${CHART_HEIGHT}"
        role="img"
        aria-label=${f.label}
        tabindex="0"
        font-family=${FONT_FAMILY}
        @keydown=${this.onKey}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        <title>${f.title}</title>
        ${f.body}
      </svg>
      ${f.tooltip}
    </div>`;
  }

  /**
   * A transparent rect over the plot, left out of exports, that reads the value `pick` finds
   * at the pointer's x (px from the svg's left edge).
   */
  protected pointerArea(box: Box, pick: (px: number) => number | undefined): SVGTemplateResult {
    return svg`<rect
      data-export="skip"
      x=${box.left}
      y=${box.top}
      width=${box.right - box.left}
      height=${box.bottom - box.top}
      fill="transparent"
      @pointermove=${(e: PointerEvent) => {
        this.active = pick(pointerX(e, this));
      }}
      @pointerleave=${this.onLeave}
    ></rect>`;
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
    const { first, count, start, page } = this.readings();
    const next = stepIndex(e.key, (this.active ?? start) - first, count, page);
    if (next === undefined) return;
    e.preventDefault();
    this.active = next + first;
  };
}
