/**
 * The replay view's parts (issue 19), as templates: the counters of both sides with their
 * difference, and one driver's week. Plain text with units; the element (replay-view.ts)
 * keeps the state.
 */
import { html, nothing } from 'lit';
import type { ReplayCounters } from '../../model/replay-counters';
import type { DriverStory, StoryDay } from '../../model/replay-story';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const money = (n: number) =>
  `$${Math.round(n).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const clock = (h: number) => {
  const m = Math.round(h * 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};
const hours = (n: number) => `${n.toFixed(1)} h`;
const signed = (n: number, f: (n: number) => string) =>
  n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '0';

/** The counters shown, in order: label, value, format. */
const ROWS: readonly [string, (c: ReplayCounters) => number, (n: number) => string][] = [
  ['Blocks planned', (c) => c.offered, whole],
  ['Blocks open now (after the offers: unfilled)', (c) => c.open, whole],
  ['Blocks claimed', (c) => c.claimed, whole],
  ['of which at surge pay', (c) => c.surged, whole],
  ['Pay multiplier of the wave out', (c) => c.surge, (n) => `×${n.toFixed(2)}`],
  ['Drivers wanting work', (c) => c.wanting, whole],
  ['… still without a block', (c) => c.looking, whole],
  ['No-shows', (c) => c.noShows, whole],
  ['Routes waiting to load at the station', (c) => c.queue, whole],
  ['Routes under way', (c) => c.onRoute, whole],
  ['Packages delivered', (c) => c.delivered, whole],
  ['Packages left (not delivered nor handed over)', (c) => c.packagesLeft, whole],
  ['Pay for finished blocks', (c) => c.pay, money],
  ['Unpaid overrun hours', (c) => c.overrunHours, hours],
  ['Drivers who quit (end of day)', (c) => c.quit, whole],
];

export function countersTable(base: ReplayCounters, scen: ReplayCounters) {
  return html`<table class="counters" aria-label="Counters at this moment">
    <thead>
      <tr>
        <th scope="col">At this moment</th>
        <th scope="col">Baseline</th>
        <th scope="col">Scenario</th>
        <th scope="col">Difference</th>
      </tr>
    </thead>
    <tbody>
      ${ROWS.map(([label, get, f]) => {
        const b = get(base);
        const s = get(scen);
        return html`<tr>
          <th scope="row">${label}</th>
          <td>${f(b)}</td>
          <td>${f(s)}</td>
          <td>${signed(s - b, f)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function dayCell(d: StoryDay) {
  if (!d.active) return html`<td>not active</td>`;
  const blocks = d.blocks.map(
    (b) =>
      html`<div>
        ${b.noShow ? 'No-show: ' : ''}${clock(b.start)}–${clock(b.end)}${
          b.mult > 1 ? ` at ×${b.mult.toFixed(2)}` : ''
        }${
          b.noShow
            ? ''
            : `, ${hours(b.hours)} (wait ${hours(b.wait)}, unpaid overrun ${hours(b.overrun)}), ${b.delivered} delivered, ${money(b.pay)} paid, ${money(b.net)} net`
        }
      </div>`,
  );
  const looked = d.surge ? 'drawn in by surge' : d.looked ? 'looked' : 'did not look';
  return html`<td>
    <div>${looked}${d.looked ? `, asking $${d.asking.toFixed(2)}/h net` : ''}</div>
    ${d.checks > 0 ? html`<div>${d.checks} app checks, ${d.missed} found nothing that suited</div>` : nothing}
    ${blocks}
    <div>belief after: $${d.beliefAfter.toFixed(2)}/h</div>
    <div>
      chance of quitting:
      ${d.quitChance >= 1 ? 'deactivated (strikes)' : `${(d.quitChance * 100).toFixed(2)}%`} →
      <strong>${d.outcome}</strong>
    </div>
  </td>`;
}

/** One driver's week on both sides, a column per day. */
export function storyTable(base: DriverStory | undefined, scen: DriverStory | undefined) {
  const story = base ?? scen;
  if (!story) return html`<p class="note">This driver was not active in this week.</p>`;
  const summary = (s: DriverStory | undefined) =>
    s
      ? `${hours(s.hours)} on blocks, ${money(s.pay)} paid, ${hours(s.wait)} waiting at the station, ${hours(s.overrun)} unpaid overrun`
      : 'not active this week';
  return html`<section class="story" aria-label="Driver ${story.driver}'s week">
    <h3>Driver ${story.driver}'s week</h3>
    <p>
      Available ${clock(story.winStart)}–${clock(story.winEnd)} · asks at least
      $${story.res.toFixed(2)}/h net · ${story.tenure} days with the service · believed the work
      nets $${story.beliefStart.toFixed(2)}/h as the week began
    </p>
    <p><strong>Baseline:</strong> ${summary(base)}. <strong>Scenario:</strong> ${summary(scen)}.</p>
    <div class="story-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col"></th>
            ${story.days.map((_, k) => html`<th scope="col">${WEEKDAYS[k]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${
            base
              ? html`<tr>
                  <th scope="row">Baseline</th>
                  ${base.days.map(dayCell)}
                </tr>`
              : nothing
          }
          ${
            scen
              ? html`<tr>
                  <th scope="row">Scenario</th>
                  ${scen.days.map(dayCell)}
                </tr>`
              : nothing
          }
        </tbody>
      </table>
    </div>
  </section>`;
}
