/**
 * Watch the market (issue 19): a day of the run replayed agent by agent, baseline beside
 * scenario on the same seeds, with play, pause, speed and a scrubbable timeline, the counters
 * of both sides, and one driver's week on click (or from the "typical driver" pickers).
 *
 * The replay is recorded in a worker of its own (src/run/replay-runner.ts); the canvases are
 * drawn by replay-canvas.ts once per animation frame while playing or while squares glide,
 * the counters refreshed at most ten times a second. Page hooks for tests: the element's
 * `data-state` (loading, ready, error), `data-tau` (τ shown), `data-rows` (drivers a side)
 * and `data-moving` (1 while playing or while squares glide, 0 once still).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ReplayWeek } from '../../model/replay';
import { countersAt, emptyCounters } from '../../model/replay-counters';
import type { MetricId } from '../../model/metrics';
import { describeReplay, estimateReplay } from '../../model/replay-budget';
import { dayOfLargestDifference } from '../../model/replay-pick';
import { driverStory, typicalDrivers } from '../../model/replay-story';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { createReplayRunner, type ReplayPair, type ReplayRunner } from '../../run/replay-runner';
import { ReplayPainter } from './replay-canvas';
import { WEEKDAY_NAMES, countersTable, storyTable } from './replay-parts';
import { replayViewStyles } from './replay-view.styles';
import {
  DAY_SECONDS,
  SLIDER_STEPS,
  SPEEDS,
  tauAt,
  tauText,
  timelineOf,
  type Timeline,
} from './replay-timeline';

@customElement('replay-view')
export class ReplayView extends LitElement {
  static override styles = replayViewStyles;

  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** Week (1-based), weekday (0 Monday) and replication (0-based) shown first. */
  @property({ type: Number }) week = 1;
  @property({ type: Number }) weekday = 0;
  @property({ type: Number }) replication = 0;
  /** With `weekday` -1: show the day where this metric's counter differs most. */
  @property({ attribute: false }) metric: MetricId | undefined;

  @state() private pair: ReplayPair | undefined;
  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private message = '';
  @state() private playing = false;
  @state() private speed = 1;
  /** Slider position (a plain field: the frame loop moves it; the view refreshes at most 10 times a second). */
  private pos = 0;
  @state() private driver = -1;

  @query('#canvas-baseline') private canvasB!: HTMLCanvasElement;
  @query('#canvas-scenario') private canvasS!: HTMLCanvasElement;

  private runner: ReplayRunner | undefined;
  private painters: [ReplayPainter, ReplayPainter] | undefined;
  private line: Timeline = { offersFrom: -30, dayFrom: 5, dayTo: 22 };
  private readonly counters = [emptyCounters(), emptyCounters()] as const;
  private frameId = 0;
  private lastFrame = 0;
  private lastRefresh = 0;
  private shownWeek = 0;
  private readonly onResize = () => {
    this.painters?.forEach((p) => p.resize());
    this.kick();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.onResize);
    cancelAnimationFrame(this.frameId);
    this.runner?.close();
    this.runner = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseline') || changed.has('scenario')) this.pair = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.dataset.state = this.status;
    if (
      changed.has('baseline') ||
      changed.has('scenario') ||
      changed.has('week') ||
      changed.has('replication')
    ) {
      void this.load();
    } else if (changed.has('weekday')) this.showDay();
  }

  /** Records the week of both sides (in the replay worker). */
  private async load(): Promise<void> {
    this.runner ??= createReplayRunner();
    this.status = 'loading';
    this.playing = false;
    const week = Math.max(1, Math.min(this.baseline.weeks, Math.round(this.week)));
    const rep = Math.max(0, Math.min(this.baseline.replications - 1, Math.round(this.replication)));
    const estimate = estimateReplay(this.baseline, this.scenario, week);
    if (estimate.refusal) {
      this.status = 'error';
      this.message = estimate.refusal;
      return;
    }
    this.message = `Recording week ${week}, replication ${rep + 1} of both sides (${describeReplay(estimate)})…`;
    try {
      const pair = await this.runner.replay(this.baseline, this.scenario, rep, week);
      this.pair = pair;
      this.shownWeek = week;
      if (this.weekday < 0) {
        this.weekday = dayOfLargestDifference(pair.baseline, pair.scenario, this.metric);
      }
      this.status = 'ready';
      this.message = '';
      await this.updateComplete;
      this.showDay();
    } catch (error) {
      if (error instanceof Error && error.name === 'Superseded') return;
      this.status = 'error';
      this.message = `The replay could not be recorded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private days() {
    const pair = this.pair;
    if (!pair) return undefined;
    const k = Math.max(0, Math.min(pair.baseline.days.length - 1, this.weekday));
    return [pair.baseline.days[k], pair.scenario.days[k]] as const;
  }

  /** Loads the chosen weekday into the canvases, from the first offer wave. */
  private showDay(): void {
    const days = this.days();
    if (!days || !this.canvasB || !this.canvasS) return;
    this.painters ??= [new ReplayPainter(this.canvasB), new ReplayPainter(this.canvasS)];
    this.line = timelineOf(days);
    this.dataset.rows = String(days[0].driver.length);
    this.painters[0].load(days[0], this.line.dayTo - 1);
    this.painters[1].load(days[1], this.line.dayTo - 1);
    this.pos = 0;
    this.select(this.driver);
    this.refresh();
    this.kick();
  }

  private get tau(): number {
    return tauAt(this.line, this.pos);
  }

  private refresh(): void {
    const days = this.days();
    if (!days) return;
    countersAt(days[0], this.tau, this.counters[0]);
    countersAt(days[1], this.tau, this.counters[1]);
    this.dataset.tau = this.tau.toFixed(3);
    this.requestUpdate();
  }

  /** Starts the frame loop if it is not running. */
  private kick(): void {
    if (this.frameId !== 0) return;
    this.lastFrame = performance.now();
    this.frameId = requestAnimationFrame(this.frame);
  }

  private readonly frame = (now: number): void => {
    this.frameId = 0;
    const painters = this.painters;
    if (!painters) return;
    const dt = Math.min(0.1, (now - this.lastFrame) / 1000);
    this.lastFrame = now;
    if (this.playing) {
      this.pos = Math.min(SLIDER_STEPS, this.pos + (dt * this.speed * SLIDER_STEPS) / DAY_SECONDS);
      if (this.pos >= SLIDER_STEPS) this.playing = false;
    }
    const tau = this.tau;
    const days = this.days();
    if (days) {
      countersAt(days[0], tau, this.counters[0]);
      countersAt(days[1], tau, this.counters[1]);
    }
    const moving = painters[0].frame(tau, this.counters[0]);
    const moving2 = painters[1].frame(tau, this.counters[1]);
    if (now - this.lastRefresh > 100 || !this.playing) {
      this.lastRefresh = now;
      this.dataset.tau = tau.toFixed(3);
      this.requestUpdate();
    }
    const again = this.playing || moving || moving2;
    if (again !== (this.dataset.moving === '1')) this.dataset.moving = again ? '1' : '0';
    if (again) this.frameId = requestAnimationFrame(this.frame);
  };

  private togglePlay(): void {
    if (!this.playing && this.pos >= SLIDER_STEPS) this.pos = 0;
    this.playing = !this.playing;
    this.kick();
  }

  private scrub(e: Event): void {
    this.pos = Number((e.target as HTMLInputElement).value);
    this.refresh();
    this.kick();
  }

  private select(driver: number): void {
    this.driver = driver;
    const days = this.days();
    const painters = this.painters;
    if (!days || !painters) return;
    days.forEach((day, k) => {
      painters[k].selected = driver < 0 ? -1 : day.driver.indexOf(driver);
    });
    this.kick();
  }

  private pick(side: 0 | 1, e: MouseEvent): void {
    const days = this.days();
    const painter = this.painters?.[side];
    if (!days || !painter) return;
    const box = (e.target as HTMLCanvasElement).getBoundingClientRect();
    const r = painter.hit(e.clientX - box.left, e.clientY - box.top);
    if (r >= 0) this.select(days[side].driver[r]);
  }

  private pickTypical(which: 'quit' | 'stayed'): void {
    const week = this.pair?.scenario;
    if (!week) return;
    const id = typicalDrivers(week)[which];
    if (id !== undefined) this.select(id);
  }

  protected override render() {
    const pair = this.status === 'ready' ? this.pair : undefined;
    return html`
      ${this.controls()}
      <p class="status" role="status">${this.message}</p>
      <div class="sides">
        ${(['baseline', 'scenario'] as const).map(
          (side, k) =>
            html`<figure class="side">
              <figcaption>${side === 'baseline' ? 'Baseline' : 'Scenario'}</figcaption>
              <canvas
                id="canvas-${side}"
                role="img"
                aria-label="${side === 'baseline' ? 'Baseline' : 'Scenario'}: every driver active on the day, by what they are doing"
                @click=${(e: MouseEvent) => this.pick(k as 0 | 1, e)}
              ></canvas>
            </figure>`,
        )}
      </div>
      ${pair ? countersTable(this.counters[0], this.counters[1]) : nothing}
      ${pair ? this.storyPart(pair) : nothing}
    `;
  }

  private dayPickers() {
    return html` <label
        >Week
        <input
          type="number"
          min="1"
          max=${this.baseline.weeks}
          .value=${String(this.week)}
          @change=${(e: Event) => (this.week = Number((e.target as HTMLInputElement).value))}
      /></label>
      <label
        >Day
        <select
          @change=${(e: Event) => (this.weekday = Number((e.target as HTMLSelectElement).value))}
        >
          ${WEEKDAY_NAMES.map(
            (n, k) => html`<option value=${k} ?selected=${k === this.weekday}>${n}</option>`,
          )}
        </select></label
      >
      <label
        >Replication
        <input
          type="number"
          min="1"
          max=${this.baseline.replications}
          .value=${String(this.replication + 1)}
          @change=${(e: Event) =>
            (this.replication = Number((e.target as HTMLInputElement).value) - 1)}
      /></label>`;
  }

  private controls() {
    return html`<div class="controls" role="group" aria-label="Replay controls">
      ${this.dayPickers()}
      <button
        class="play"
        aria-pressed=${this.playing ? 'true' : 'false'}
        ?disabled=${this.status !== 'ready'}
        @click=${() => this.togglePlay()}
      >
        ${this.playing ? 'Pause' : 'Play'}
      </button>
      <label
        >Speed
        <select
          @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}
        >
          ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
        </select></label
      >
      <label class="scrub"
        >Time
        <input
          type="range"
          min="0"
          max=${SLIDER_STEPS}
          step="1"
          .value=${String(Math.round(this.pos))}
          aria-valuetext=${tauText(this.tau)}
          ?disabled=${this.status !== 'ready'}
          @input=${this.scrub}
      /></label>
      <output class="clock">${this.status === 'ready' ? tauText(this.tau) : ''}</output>
    </div>`;
  }

  private storyPart(pair: ReplayPair) {
    const story = (w: ReplayWeek) => (this.driver < 0 ? undefined : driverStory(w, this.driver));
    return html`<div class="pickers" role="group" aria-label="Follow a driver">
        <span>Follow a driver: click a square, or</span>
        <button @click=${() => this.pickTypical('quit')}>Typical driver who quit</button>
        <button @click=${() => this.pickTypical('stayed')}>Typical driver who stayed</button>
        <label
          >Driver number
          <input
            type="number"
            min="0"
            .value=${this.driver < 0 ? '' : String(this.driver)}
            @change=${(e: Event) => this.select(Number((e.target as HTMLInputElement).value))}
        /></label>
      </div>
      ${
        this.driver >= 0
          ? storyTable(story(pair.baseline), story(pair.scenario))
          : html`<p class="note">
              Week ${this.shownWeek}: pick a driver to follow their week on both sides.
            </p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-view': ReplayView;
  }
}
