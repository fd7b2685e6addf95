import { area, line, scaleLinear } from 'd3';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PERIOD_FLAG as F } from '../../model/results';

/**
 * A small chart of a metric's weekly course: the baseline's weekly means (grey, dashed), the
 * scenario's (dark, solid) with an optional band (its 95% interval), the short-run and
 * long-run weeks shaded lightly and the calendar peak weeks in amber. Receives plain arrays, one value per week; values that are
 * not finite numbers leave gaps. Draws nothing but a dash when no week has a number.
 */
@customElement('spark-line')
export class SparkLine extends LitElement {
  /** Baseline weekly means. */
  @property({ attribute: false }) baseline: readonly number[] = [];
  /** Scenario weekly means. */
  @property({ attribute: false }) scenario: readonly number[] = [];
  /** Scenario weekly 95% interval, low and high (optional: drawn as a band when both given). */
  @property({ attribute: false }) scenarioLow: readonly number[] | undefined;
  @property({ attribute: false }) scenarioHigh: readonly number[] | undefined;
  /**
   * Each week's period flags (model/results.ts PERIOD_FLAG): short- and long-run weeks are
   * shaded grey, peak weeks amber. Empty: weeks 1–4 and the last 8 are shaded.
   */
  @property({ attribute: false }) periods: Uint8Array = new Uint8Array(0);
  /**
   * Drawing size of the viewBox. The chart stretches to the width its host gets (and 2.3em
   * high), so these set the proportions the paths are computed at, not the size on screen.
   */
  @property({ type: Number }) width = 132;
  @property({ type: Number }) height = 36;
  /** What the chart shows, for assistive technology. */
  @property({ type: String }) label = '';

  static override styles = css`
    :host {
      display: block;
      line-height: 0;
    }
    /* Stretches to the width it is given; lines keep their stroke width. */
    svg {
      display: block;
      width: 100%;
      height: 2.3em;
    }
    path {
      vector-effect: non-scaling-stroke;
    }
    .window {
      fill: #eef1f5;
    }
    .window.peak {
      fill: #fbe3b8;
    }
    .band {
      fill: #2c5aa0;
      opacity: 0.16;
    }
    .baseline {
      fill: none;
      stroke: #8a94a3;
      stroke-width: 1.5;
      stroke-dasharray: 3 2;
    }
    .scenario {
      fill: none;
      stroke: #1f4e8c;
      stroke-width: 2;
    }
    .empty {
      line-height: normal;
      color: #6a7585;
    }
  `;

  override render() {
    const weeks = Math.max(this.baseline.length, this.scenario.length);
    const values = this.finiteValues();
    const empty = this.emptyView(weeks, values.length);
    if (empty) return empty;
    const { x, y } = this.scales(weeks, values);
    const path = line<number>()
      .defined((v) => Number.isFinite(v))
      .x((_, i) => x(i))
      .y((v) => y(v));
    const bandPath = this.bandPath(x, y);
    return html`<svg
      width=${this.width}
      height=${this.height}
      viewBox="0 0 ${this.width} ${this.height}"
      preserveAspectRatio="none"
      role="img"
      aria-label=${this.label}
    >
      ${svg`
        ${this.windows(x, weeks)}
        ${bandPath ? svg`<path class="band" d=${bandPath}></path>` : nothing}
        <path class="baseline" d=${path(this.baseline) ?? ''}></path>
        <path class="scenario" d=${path(this.scenario) ?? ''}></path>
      `}
    </svg>`;
  }

  /** Every value drawn that is a number: both series and, when drawn, the band. */
  private finiteValues(): number[] {
    return [
      ...this.baseline,
      ...this.scenario,
      ...(this.band() ? [...(this.scenarioLow ?? []), ...(this.scenarioHigh ?? [])] : []),
    ].filter(Number.isFinite);
  }

  /** A dash in place of the chart: no week has a number, or there is one week only. */
  private emptyView(weeks: number, values: number) {
    if (weeks === 0 || values === 0) {
      return html`<span class="empty" role="img" aria-label="${this.label}: no weekly values"
        >–</span
      >`;
    }
    if (weeks === 1) {
      return html`<span
        class="empty"
        role="img"
        title="A one-week run has no course over time"
        aria-label="${this.label}: a one-week run, no course over time"
        >–</span
      >`;
    }
    return undefined;
  }

  /** Week i centred in its slot across; the values' range (widened when flat) up. */
  private scales(weeks: number, values: readonly number[]) {
    const pad = 2;
    const x = scaleLinear()
      .domain([-0.5, weeks - 0.5])
      .range([0, this.width]);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      const spread = Math.max(Math.abs(hi) * 0.05, 1e-9);
      lo -= spread;
      hi += spread;
    }
    const y = scaleLinear()
      .domain([lo, hi])
      .range([this.height - pad, pad]);
    return { x, y };
  }

  /** The short-run and long-run weeks shaded grey, the peak weeks amber. */
  private windows(x: (v: number) => number, weeks: number) {
    const flags =
      this.periods.length === weeks
        ? this.periods
        : Uint8Array.from(
            { length: weeks },
            (_, w) => (w < 4 ? F.shortRun : 0) | (w >= weeks - 8 ? F.longRun : 0),
          );
    const kindOf = (f: number) =>
      f & F.peak ? 'peak' : f & F.shortRun ? 'short' : f & F.longRun ? 'long' : '';
    const rects = [];
    // One rect per stretch of consecutive weeks of one kind.
    for (let w = 0; w < weeks;) {
      const kind = kindOf(flags[w]);
      let end = w + 1;
      while (end < weeks && kindOf(flags[end]) === kind) end++;
      if (kind) {
        rects.push(svg`<rect class="window ${kind === 'peak' ? 'peak' : ''}" data-window=${kind}
          x=${x(w - 0.5)} y="0" width=${x(end - 0.5) - x(w - 0.5)} height=${this.height}></rect>`);
      }
      w = end;
    }
    return rects;
  }

  /** The scenario's 95% band as a path, or null when no band is given. */
  private bandPath(x: (v: number) => number, y: (v: number) => number): string | null {
    const band = this.band();
    if (!band) return null;
    return area<number>()
      .defined((_, i) => Number.isFinite(band.low[i]) && Number.isFinite(band.high[i]))
      .x((_, i) => x(i))
      .y0((_, i) => y(band.low[i] ?? NaN))
      .y1((_, i) => y(band.high[i] ?? NaN))(band.low);
  }

  private band(): { low: readonly number[]; high: readonly number[] } | undefined {
    const low = this.scenarioLow;
    const high = this.scenarioHigh;
    return low && high && low.length === high.length && low.length > 0 ? { low, high } : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'spark-line': SparkLine;
  }
}
