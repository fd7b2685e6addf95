import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import { headline, type Headline } from '../../model/headline';
import type { MetricDef } from '../../model/metrics';
import type { Comparison, Period } from '../../model/results';
import type { MinChanges } from '../../model/verdict';
import { NO_VALUE, formatChange, formatInterval } from './format';

/** Units a change in a sentence needs to be read aloud (the label says the rest). */
const SPOKEN_UNITS = new Set(['h', 'h/week', 'days', '$/h', '$/package']);

/** A change as the headline says it: "−$0.16/package", "+0.31 h/week", "+2.10 pp", "−66". */
export function changeWithUnit(m: MetricDef, delta: number): string {
  const text = formatChange(m, delta);
  if (text === NO_VALUE || !SPOKEN_UNITS.has(m.unit)) return text;
  if (m.unit.startsWith('$')) {
    const signed = /^[+\u2212]/.test(text);
    const sign = signed ? text.charAt(0) : '';
    // A word joiner keeps the sign with the amount at a line break.
    return `${sign}${signed ? '\u2060' : ''}$${signed ? text.slice(1) : text}${m.unit.slice(1)}`;
  }
  return `${text} ${m.unit}`;
}

/** The headline of a comparison, with the app's number formats (see src/model/headline.ts). */
export function comparisonHeadline(
  c: Comparison,
  thresholds: Thresholds = {},
  minChanges: MinChanges = {},
  period: Period = 'longRun',
): Headline {
  const format = { change: changeWithUnit, interval: formatInterval };
  return headline(c, format, { thresholds, minChanges, period });
}

/**
 * A comparison's headline in one sentence a meeting can read aloud: the North Star's long-run
 * change with its 95% interval and verdict, the guardrails breached (count and names), and the
 * biggest movers by practical significance. The North Star clause is in bold, the guardrail
 * clause in red when one is breached.
 *
 * Test hooks: the paragraph holding the sentence carries `data-headline`, with
 * `data-breaches` (the count), `data-breach-ids` (the breached metric ids, space-separated),
 * `data-north-star-delta` and `data-north-star-verdict`.
 */
@customElement('comparison-headline')
export class ComparisonHeadline extends LitElement {
  @property({ attribute: false }) comparison: Comparison | undefined;
  @property({ attribute: false }) thresholds: Thresholds = {};
  @property({ attribute: false }) minChanges: MinChanges = {};
  /** Share of replications in hand (1 when settled). */
  @property({ type: Number }) progress = 1;
  /** Whether a newer run is replacing the comparison shown. */
  @property({ type: Boolean }) updating = false;

  static override styles = css`
    :host {
      display: block;
    }
    .box {
      padding: 0.6rem 1rem;
      border: 1px solid #dde2e8;
      border-left: 6px solid #1f4e8c;
      border-radius: 8px;
      background: #fff;
    }
    .box.breached {
      border-left-color: #b3261e;
    }
    .label {
      display: block;
      color: #5b6472;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    p {
      margin: 0.1rem 0 0;
      font-size: 1.15rem;
      line-height: 1.4;
      color: #1c2430;
    }
    .guard-breach {
      color: #b3261e;
      font-weight: 600;
    }
    .busy p {
      opacity: 0.6;
    }
  `;

  override render() {
    const c = this.comparison;
    if (!c) {
      return html`<div class="box">
        <span class="label">Headline</span>
        <p>Computing…</p>
      </div>`;
    }
    const h = comparisonHeadline(c, this.thresholds, this.minChanges);
    const busy = this.updating || this.progress < 1;
    const note = this.updating
      ? 'updating'
      : this.progress < 1
        ? `estimate from ${Math.round(this.progress * 100)}% of the replications`
        : 'long run, 95% intervals';
    return html`<div class="box ${h.breaches.length > 0 ? 'breached' : ''} ${busy ? 'busy' : ''}">
      <span class="label">Headline · ${note}</span>
      ${headlineParagraph(h)}
    </div>`;
  }
}

/** The sentence as a paragraph with its hooks (also used by Present's columns). */
export function headlineParagraph(h: Headline, cls = '') {
  const [ns, guard, movers] = h.parts;
  return html`<p
    class=${cls || nothing}
    data-headline
    data-breaches=${String(h.breaches.length)}
    data-breach-ids=${h.breaches.join(' ')}
    data-north-star-delta=${String(h.northStar.delta)}
    data-north-star-verdict=${h.northStar.verdict}
  >
    <strong>${ns}</strong>;
    <span class=${h.breaches.length > 0 ? 'guard-breach' : ''}>${guard}</span>; ${movers}.
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-headline': ComparisonHeadline;
  }
}
