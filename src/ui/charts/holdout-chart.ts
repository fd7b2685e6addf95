import { scaleLinear, type ScaleLinear } from 'd3';
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { COLOURS, FONT_FAMILY } from './chart-theme';

const HEIGHT = 220;
const MARGIN = { top: 28, right: 16, bottom: 36, left: 56 };

/**
 * The hold-out check of a calibration (issue 17): a column's weekly figures as observed (dots)
 * over the fitted weeks and the held-out ones, and the fitted station's forecast of the
 * held-out weeks (line) with its 95% interval for one week's figure (band). Takes plain arrays.
 * Its svg carries `data-chart="holdout"`.
 */
@customElement('holdout-chart')
export class HoldoutChart extends LitElement {
  @property({ type: String }) label = '';
  /** Calendar week of the first observed week. */
  @property({ type: Number }) firstWeek = 1;
  /** Observed values, every week of the history (NaN where missing). */
  @property({ attribute: false }) observed: readonly number[] = [];
  /** Index of the first held-out week in `observed`. */
  @property({ type: Number }) from = 0;
  @property({ attribute: false }) mean: readonly number[] = [];
  @property({ attribute: false }) low: readonly number[] = [];
  @property({ attribute: false }) high: readonly number[] = [];
  @property({ type: Number }) width = 560;

  static override styles = css`
    :host {
      display: block;
    }
    svg {
      display: block;
      max-width: 100%;
    }
  `;

  override render() {
    const w = this.width;
    const n = this.observed.length;
    const values = [...this.observed, ...this.low, ...this.high].filter(Number.isFinite);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 1;
    const x = scaleLinear([0, Math.max(1, n - 1)], [MARGIN.left, w - MARGIN.right]);
    const y = scaleLinear([lo - pad, hi + pad], [HEIGHT - MARGIN.bottom, MARGIN.top]).nice();
    const band = this.mean.map((_, i) => i + this.from);
    const area =
      band.map((k, i) => `${x(k)},${y(this.high[i])}`).join(' ') +
      ' ' +
      [...band]
        .reverse()
        .map((k) => `${x(k)},${y(this.low[k - this.from])}`)
        .join(' ');
    const line = band.map((k, i) => `${x(k)},${y(this.mean[i])}`).join(' ');
    return html`<svg
      data-chart="holdout"
      width=${w}
      height=${HEIGHT}
      viewBox="0 0 ${w} ${HEIGHT}"
      font-family=${FONT_FAMILY}
      role="img"
      aria-label="${this.label}: observed weeks and the forecast of the held-out weeks"
    >
      <text x=${MARGIN.left} y="16" font-size="13" font-weight="600" fill=${COLOURS.text}>
        ${this.label}
      </text>
      ${this.axes(x, y, w, n)}
      <rect
        x=${x(this.from - 0.5)}
        y=${MARGIN.top}
        width=${Math.max(0, x(n - 1) - x(this.from - 0.5))}
        height=${HEIGHT - MARGIN.top - MARGIN.bottom}
        fill=${COLOURS.grid}
        opacity="0.5"
      />
      <polygon data-band points=${area} fill=${COLOURS.scenario} opacity="0.2" />
      <polyline
        data-forecast
        points=${line}
        fill="none"
        stroke=${COLOURS.scenario}
        stroke-width="2"
      />
      ${this.observed.map((v, k) =>
        Number.isFinite(v)
          ? svg`<circle data-observed cx=${x(k)} cy=${y(v)} r="3" fill=${k >= this.from ? COLOURS.text : COLOURS.muted} />`
          : svg``,
      )}
    </svg>`;
  }
  private axes(
    x: ScaleLinear<number, number>,
    y: ScaleLinear<number, number>,
    w: number,
    n: number,
  ) {
    const ticks = y.ticks(4);
    const weekTicks = x.ticks(Math.min(n, w < 420 ? 4 : 8)).filter(Number.isInteger);
    return svg`${ticks.map(
      (
        t,
      ) => svg`<line x1=${MARGIN.left} x2=${w - MARGIN.right} y1=${y(t)} y2=${y(t)} stroke=${COLOURS.grid} />
          <text x=${MARGIN.left - 6} y=${y(t) + 4} font-size="11" text-anchor="end" fill=${COLOURS.muted}>${t.toLocaleString('en-US')}</text>`,
    )}
      ${weekTicks.map(
        (k) =>
          svg`<text x=${x(k)} y=${HEIGHT - MARGIN.bottom + 16} font-size="11" text-anchor="middle" fill=${COLOURS.muted}>${this.firstWeek + k}</text>`,
      )}
      <text
        x=${(MARGIN.left + w - MARGIN.right) / 2}
        y=${HEIGHT - 4}
        font-size="11"
        text-anchor="middle"
        fill=${COLOURS.muted}
      >
        Week
      </text>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'holdout-chart': HoldoutChart;
  }
}
