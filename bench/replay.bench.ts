/**
 * Replays (issue 19), measured:
 * - the cost of recording a day: a replay of the last week of the default station's run
 *   (re-running the replication to it, then recording its 7 days) against the same
 *   replication run plainly, from the same cached warmed state, median of interleaved rounds;
 * - an ordinary replication's time with recording available but off (the engine's only hook
 *   is a null check per offer wave), to set beside bench/engine.bench.ts;
 * - frames per second while the replay plays the default station's busiest day (the most
 *   blocks planned in replication 1) at 1920×1080 in headless Chromium, on the production
 *   build, counted with requestAnimationFrame over 5 s, and the longest gap between frames.
 */
import { defaultScenario } from '../src/model/scenario';
import { simulate, WarmupCache } from '../src/sim/engine';
import { F } from '../src/sim/record';
import { replayWeek } from '../src/sim/replay';
import { launchBrowser } from '../tests/e2e/chromium';
import { serveBuiltApp } from './serve';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function recordingCost(rounds: number): void {
  const sc = defaultScenario();
  const cache = new WarmupCache(1024 * 1024 * 1024);
  for (let k = 0; k < 6; k++) {
    simulate(sc, k, {}, cache);
    replayWeek(sc, k, sc.weeks, {}, cache);
  }
  const plain: number[] = [];
  const replay: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const rep = r % 6;
    let t = performance.now();
    simulate(sc, rep, {}, cache);
    plain.push(performance.now() - t);
    t = performance.now();
    replayWeek(sc, rep, sc.weeks, {}, cache);
    replay.push(performance.now() - t);
  }
  const p = median(plain);
  const q = median(replay);
  console.log(
    `  default station, ${sc.weeks} weeks from a cached warm-up: ordinary replication (recording off) median ${p.toFixed(1)} ms; ` +
      `replay of week ${sc.weeks} ${q.toFixed(1)} ms; recording one day costs ${((q - p) / 7).toFixed(1)} ms (${rounds} rounds)`,
  );
}

/** Week (1-based) and weekday (1 Monday) of the most blocks planned in replication 0. */
function busiestDay(): { week: number; day: number; blocks: number } {
  const sc = defaultScenario();
  const s = simulate(sc, 0, {}, new WarmupCache());
  let best = 0;
  for (let d = 1; d < s.days; d++) {
    if (s.rec[F.blocksOffered * s.days + d] > s.rec[F.blocksOffered * s.days + best]) best = d;
  }
  return {
    week: Math.floor(best / 7) + 1,
    day: (best % 7) + 1,
    blocks: s.rec[F.blocksOffered * s.days + best],
  };
}

async function framesPerSecond(): Promise<void> {
  const { week, day, blocks } = busiestDay();
  const served = await serveBuiltApp();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${served.url}?mode=replay&week=${week}&day=${day}`);
    const view = page.locator('replay-view[data-state=ready]');
    await view.waitFor({ timeout: 120_000 });
    const rows = await page.locator('replay-view').getAttribute('data-rows');
    await page.locator('replay-view select').nth(1).selectOption('4');
    await page.locator('replay-view button.play').click();
    // A string, not a function: tsx's keepNames would wrap a function in a helper the page lacks.
    const fps = await page.evaluate<{ fps: number; longest: number }>(`new Promise((resolve) => {
      let n = 0;
      let last = performance.now();
      const t0 = last;
      let longest = 0;
      const tick = (t) => {
        n++;
        longest = Math.max(longest, t - last);
        last = t;
        if (t - t0 < 5000) requestAnimationFrame(tick);
        else resolve({ fps: (n * 1000) / (t - t0), longest });
      };
      requestAnimationFrame(tick);
    })`);
    console.log(
      `  busiest day (week ${week}, day ${day}: ${blocks} blocks planned; ${rows} drivers a side) playing at 4× in 1920×1080: ` +
        `${fps.fps.toFixed(1)} frames/s, longest frame gap ${fps.longest.toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await served.close();
  }
}

console.log('replay (issue 19):');
recordingCost(Number(process.env.GIGSIM_REPLAY_ROUNDS ?? 12));
await framesPerSecond();
