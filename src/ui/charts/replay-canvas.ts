/**
 * The replay's canvas (issue 19): every driver active on the day as a square, in the band of
 * what they are doing at τ (not looking, looking, holding a block, waiting at the station, on
 * a route, done, no-show, quit), gliding from band to band as the day plays. A d3 band scale
 * lays the bands out and a linear scale the blocks bar above them (claimed, open, to come).
 *
 * Drawn in batches, one path per band colour; positions live in typed arrays allocated when a
 * day is loaded, so a frame allocates nothing.
 */
import { scaleBand, scaleLinear, type ScaleBand } from 'd3';
import { BLOCK_NO_SHOW, ROW_LOOKING, ROW_SURGE, STAYED, type ReplayDay } from '../../model/replay';
import type { ReplayCounters } from '../../model/replay-counters';
import { COLOURS, FONT_FAMILY } from './chart-theme';

/** The bands, top to bottom, with their colours (Okabe–Ito) and labels. */
export const ZONES = [
  { label: 'Not looking today', colour: '#b8c0cc' },
  { label: 'Looking, no block', colour: '#E69F00' },
  { label: 'Holding a block', colour: '#56B4E9' },
  { label: 'Waiting at the station', colour: '#CC79A7' },
  { label: 'On a route', colour: '#0072B2' },
  { label: 'Done for the day', colour: '#009E73' },
  { label: 'No-show', colour: '#D55E00' },
  { label: 'Quit today', colour: '#1c2430' },
] as const;

const LABEL_W = 168;
const BAR_H = 34;
const BAR_FONT = `13px ${FONT_FAMILY}`;
const TICK_FONT = `11px ${FONT_FAMILY}`;
const LABEL_FONT = `13px ${FONT_FAMILY}`;
const SMALL_FONT = `12px ${FONT_FAMILY}`;

export class ReplayPainter {
  private day: ReplayDay | undefined;
  private rows = 0;
  // Per row: when things happen (τ, hours), NaN when they do not.
  private claimAt = new Float64Array(0);
  private checkAt = new Float64Array(0);
  private start = new Float64Array(0);
  private leave = new Float64Array(0);
  private end = new Float64Array(0);
  private noShowAt = new Float64Array(0);
  private zone = new Uint8Array(0);
  private x = new Float32Array(0);
  private y = new Float32Array(0);
  private tx = new Float32Array(0);
  private ty = new Float32Array(0);
  private readonly zoneCount = new Int32Array(ZONES.length);
  private band: ScaleBand<number> = scaleBand<number>();
  private cell = 4;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private dayEndAt = 24;
  private barX = scaleLinear();
  private barTicks: number[] = [];
  selected = -1;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Loads a day: the rows' timelines, and every square placed at its first band. */
  load(day: ReplayDay, dayEndAt: number): void {
    this.day = day;
    this.dayEndAt = dayEndAt;
    const n = (this.rows = day.driver.length);
    const nan = () => new Float64Array(n).fill(NaN);
    this.claimAt = nan();
    this.checkAt = nan();
    this.start = nan();
    this.leave = nan();
    this.end = nan();
    this.noShowAt = nan();
    this.zone = new Uint8Array(n);
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    this.tx = new Float32Array(n);
    this.ty = new Float32Array(n);
    for (let k = day.checkRow.length - 1; k >= 0; k--)
      this.checkAt[day.checkRow[k]] = day.checkTime[k];
    for (let k = 0; k < day.blockRow.length; k++) this.noteBlock(day, k);
    this.selected = -1;
    this.resize(true);
  }

  private noteBlock(day: ReplayDay, k: number): void {
    const r = day.blockRow[k];
    const t = day.blockType[k];
    const start = day.typeStart[t];
    if (!(this.claimAt[r] <= day.blockTime[k])) this.claimAt[r] = day.blockTime[k];
    if (day.blockFlags[k] & BLOCK_NO_SHOW) {
      if (!(this.noShowAt[r] <= start)) this.noShowAt[r] = start;
      return;
    }
    if (!(this.start[r] <= start)) {
      this.start[r] = start;
      this.leave[r] = start + day.slotWait[day.slotStart.indexOf(start)];
    }
    const end = start + day.blockHours[k];
    if (!(this.end[r] >= end)) this.end[r] = end;
  }

  /** Fits the canvas to its box (device pixels); `snap` places squares without gliding. */
  resize(snap = false): void {
    const box = this.canvas.getBoundingClientRect();
    this.ratio = window.devicePixelRatio || 1;
    this.width = Math.max(200, box.width);
    this.height = Math.max(200, box.height);
    this.canvas.width = Math.round(this.width * this.ratio);
    this.canvas.height = Math.round(this.height * this.ratio);
    this.band = scaleBand<number>()
      .domain(ZONES.map((_, k) => k))
      .range([BAR_H + 8, this.height])
      .paddingInner(0.12);
    // Room for three quarters of the drivers in one band (most are in one band at a time).
    const area = (this.width - this.labelWidth()) * (this.band.bandwidth() - this.labelLine());
    const fit = Math.floor(Math.sqrt(Math.max(1, area) / Math.max(1, 0.75 * this.rows)));
    this.cell = Math.max(2, Math.min(9, fit));
    let offered = 0;
    if (this.day) for (const n of this.day.planned) offered += n;
    this.barX = scaleLinear()
      .domain([0, Math.max(1, offered)])
      .range([this.narrow ? 60 : this.labelWidth(), this.width - 8]);
    this.barTicks = this.barX.ticks(this.width < 420 ? 3 : 6);
    if (snap) this.place(Number.NEGATIVE_INFINITY, true);
  }

  /** Narrow canvases put each band's label on its first line instead of at its left. */
  private get narrow(): boolean {
    return this.width < 480;
  }

  private labelWidth(): number {
    return this.narrow ? 4 : LABEL_W;
  }

  /** Height of a band's label line above its squares (narrow canvases only). */
  private labelLine(): number {
    return this.narrow ? 16 : 0;
  }

  /** The band of row r at τ. */
  private zoneOf(day: ReplayDay, r: number, tau: number): number {
    const flags = day.flags[r];
    if (tau >= this.dayEndAt && day.outcome[r] !== STAYED) return 7;
    if (this.start[r] <= tau) return tau < this.leave[r] ? 3 : tau < this.end[r] ? 4 : 5;
    if (this.noShowAt[r] <= tau) return 6;
    if (this.claimAt[r] <= tau) return 2;
    if (flags & ROW_LOOKING) return 1;
    if (flags & ROW_SURGE && this.checkAt[r] <= tau) return 1;
    return 0;
  }

  /** Sets each square's band and target at τ; `snap` moves them there at once. */
  private place(tau: number, snap: boolean): void {
    const day = this.day;
    if (!day) return;
    const counts = this.zoneCount;
    counts.fill(0);
    const left = this.labelWidth();
    const perLine = Math.max(1, Math.floor((this.width - left - 4) / this.cell));
    for (let r = 0; r < this.rows; r++) {
      const z = this.zoneOf(day, r, tau);
      this.zone[r] = z;
      const k = counts[z]++;
      this.tx[r] = left + (k % perLine) * this.cell;
      this.ty[r] = (this.band(z) ?? 0) + this.labelLine() + 2 + Math.floor(k / perLine) * this.cell;
      if (snap) {
        this.x[r] = this.tx[r];
        this.y[r] = this.ty[r];
      }
    }
  }

  /** Draws the day at τ, squares gliding a step towards their band; true while they move. */
  frame(tau: number, counters: ReplayCounters): boolean {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.day) return false;
    this.place(tau, false);
    let moving = false;
    for (let r = 0; r < this.rows; r++) {
      const dx = this.tx[r] - this.x[r];
      const dy = this.ty[r] - this.y[r];
      if (dx * dx + dy * dy < 0.25) {
        this.x[r] = this.tx[r];
        this.y[r] = this.ty[r];
      } else {
        this.x[r] += dx * 0.22;
        this.y[r] += dy * 0.22;
        moving = true;
      }
    }
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    this.drawBands(ctx);
    this.drawSquares(ctx);
    this.drawBar(ctx, counters);
    return moving;
  }

  private drawBands(ctx: CanvasRenderingContext2D): void {
    const narrow = this.narrow;
    ctx.font = narrow ? SMALL_FONT : LABEL_FONT;
    ctx.textBaseline = 'top';
    for (let z = 0; z < ZONES.length; z++) {
      const y = this.band(z) ?? 0;
      ctx.fillStyle = COLOURS.window;
      ctx.fillRect(0, y, this.width, this.band.bandwidth());
      ctx.fillStyle = COLOURS.text;
      ctx.fillText(ZONES[z].label, 6, y + 2);
      ctx.fillStyle = COLOURS.muted;
      const count = String(this.zoneCount[z]);
      if (narrow) ctx.fillText(count, this.width - 8 - ctx.measureText(count).width, y + 2);
      else ctx.fillText(count, 6, y + 19);
    }
  }

  private drawSquares(ctx: CanvasRenderingContext2D): void {
    const size = this.cell > 3 ? this.cell - 1 : this.cell;
    for (let z = 0; z < ZONES.length; z++) {
      if (this.zoneCount[z] === 0) continue;
      ctx.fillStyle = ZONES[z].colour;
      ctx.beginPath();
      for (let r = 0; r < this.rows; r++) {
        if (this.zone[r] === z) ctx.rect(this.x[r], this.y[r], size, size);
      }
      ctx.fill();
    }
    const r = this.selected;
    if (r >= 0 && r < this.rows) {
      ctx.strokeStyle = COLOURS.marker;
      ctx.lineWidth = 2;
      ctx.strokeRect(this.x[r] - 3, this.y[r] - 3, size + 6, size + 6);
    }
  }

  /** The blocks bar: claimed, open now, and the rest (not out yet, or left unfilled). */
  private drawBar(ctx: CanvasRenderingContext2D, c: ReplayCounters): void {
    const x = this.barX;
    const left = x(0);
    ctx.fillStyle = COLOURS.grid;
    ctx.fillRect(left, 6, x(c.offered) - left, 16);
    ctx.fillStyle = ZONES[4].colour;
    ctx.fillRect(left, 6, x(c.claimed) - left, 16);
    ctx.fillStyle = ZONES[1].colour;
    ctx.fillRect(x(c.claimed), 6, x(c.claimed + c.open) - x(c.claimed), 16);
    ctx.fillStyle = COLOURS.text;
    ctx.textBaseline = 'top';
    ctx.font = BAR_FONT;
    ctx.fillText('Blocks', 6, 6);
    ctx.fillStyle = COLOURS.axis;
    ctx.font = TICK_FONT;
    for (const tick of this.barTicks) ctx.fillText(String(tick), x(tick) - 4, 24);
  }

  /** The row under a point of the canvas (CSS px), or -1. */
  hit(px: number, py: number): number {
    const half = this.cell;
    let best = -1;
    let bestD = half * half * 2;
    for (let r = 0; r < this.rows; r++) {
      const dx = this.x[r] + this.cell / 2 - px;
      const dy = this.y[r] + this.cell / 2 - py;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = r;
      }
    }
    return best;
  }
}
