/**
 * Practice mode in Chromium: a full metric-question round as an interviewer runs it (goal and
 * North Star, inputs and guardrails, direction and size, the call), each step committed before
 * the next is shown, the North Star never labelled before the candidate commits theirs; the
 * round's code; the answers graded as the pure grading says; every step's feedback; the
 * per-skill progress across a reload. Also: a prompt made from the workspace scenario played
 * without answers, and damaged stored scores and progress reported without breaking the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_BY_ID } from '../../src/model/metrics';
import { practiceCode } from '../../src/model/practice-code';
import { PROMPTS, PROMPT_BY_ID } from '../../src/model/prompts';
import { HISTORY_KEY, truthOf } from '../../src/model/scoring';
import { SKILLS_KEY } from '../../src/model/skills';
import type {} from '../../src/ui/app/gig-app';
import { deepText, launchBrowser, openApp, screenshot } from './harness';

/** The workspace's own runs stay small; a library prompt runs on its code's fixed settings. */
const VIEW = '#weeks=12&replications=4';
const PROMPT = 'pay-rise-30';

function step(page: Page): Promise<string | null> {
  return page.locator('practice-mode').getAttribute('data-step');
}

async function commit(page: Page, name: string, next: string): Promise<void> {
  await page.locator(`practice-mode [data-commit="${name}"]`).click();
  await expect.poll(() => step(page), { timeout: 120_000, interval: 100 }).toBe(next);
}

async function predict(page: Page, key: string, direction: string, size?: string): Promise<void> {
  await page.locator(`practice-mode [data-predict="${key}"] input[value="${direction}"]`).click();
  if (size) await page.locator(`practice-mode select[data-size="${key}"]`).selectOption(size);
}

interface Revealed {
  key: string;
  direction: string;
  predicted: string;
  correct: string;
  delta: number;
  low: number;
  high: number;
  minChange: number;
}

function revealed(page: Page): Promise<Revealed[]> {
  return page.locator('practice-reveal [data-truth]').evaluateAll((rows) =>
    rows.map((r) => ({
      key: r.getAttribute('data-truth') ?? '',
      direction: r.getAttribute('data-direction') ?? '',
      predicted: r.getAttribute('data-predicted') ?? '',
      correct: r.getAttribute('data-correct') ?? '',
      delta: Number(r.getAttribute('data-delta')),
      low: Number(r.getAttribute('data-ci-low')),
      high: Number(r.getAttribute('data-ci-high')),
      minChange: Number(r.getAttribute('data-min-change')),
    })),
  );
}

describe('practice mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('plays a full metric-question round, step by step, and keeps the progress', async () => {
    const { page, problems } = await openApp(browser, `?mode=practice${VIEW}`);
    await expect.poll(() => step(page), { timeout: 30_000 }).toBe('pick');
    await expect
      .poll(() => page.locator(`[data-list="question"] [data-prompt="${PROMPT}"]`).innerText())
      .toContain('Not tried yet');

    // Chosen by keyboard: the focus moves on to the round's heading.
    await page.locator(`[data-list="question"] [data-prompt="${PROMPT}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => step(page)).toBe('goal');
    const code = practiceCode('question', PROMPTS.indexOf(PROMPT_BY_ID.get(PROMPT)!), 1);
    expect(await page.locator('practice-mode [data-round-code]').innerText()).toBe(code);
    // Nothing of the later steps shows, and nothing names the North Star before it is committed.
    expect(await page.locator('practice-mode practice-predictions').count()).toBe(0);
    expect(await page.locator('practice-mode [data-guardrail]').count()).toBe(0);
    const before = await deepText(page.locator('practice-mode'), { fold: true });
    expect(before).toContain('Step 1 · The goal and the North Star');
    expect(before).not.toContain('North Star)');

    // Step 1: a goal and the wrong North Star; the feedback says so at once.
    await page.locator('practice-mode [data-goal-text]').fill('Deliver what customers ordered.');
    await page.locator('practice-mode select[data-north-star]').selectOption('onTimeRate');
    await commit(page, 'goal', 'metrics');
    expect(await page.locator('practice-mode section.committed').first().innerText()).toMatch(
      /You chose On-time rate .*The model’s North Star is On-time packages per week/s,
    );

    // Step 2: two inputs, two guardrails, a reason.
    for (const id of ['driverNetHourly', 'activeDrivers']) {
      await page.locator(`practice-mode [data-input="${id}"]`).check();
    }
    for (const id of ['costPerPackage', 'weeklyChurnRate']) {
      await page.locator(`practice-mode [data-guardrail="${id}"]`).check();
    }
    await page
      .locator('practice-mode [data-guardrail-reason]')
      .fill('Pay is cost; churn if hours thin.');
    await commit(page, 'metrics', 'predict');

    // Step 3: the table states "flat" by the threshold, and labels the North Star now.
    expect(await page.locator('practice-predictions [data-threshold="fillRate"]').innerText()).toBe(
      'Flat: within ±0.5 pp; small under ±1.5 pp, medium to ±5 pp, large beyond',
    );
    expect(await deepText(page.locator('practice-predictions'), { fold: true })).toContain(
      'On-time packages per week (North Star)',
    );
    await predict(page, 'costPerPackage:short', 'up', 'large');
    await predict(page, 'costPerPackage:long', 'up', 'small');
    await predict(page, 'driverNetHourly:short', 'up', 'large');
    await predict(page, 'activeDrivers:long', 'up', 'medium');
    await predict(page, 'onTimePackagesPerWeek:long', 'flat');
    // By keyboard: Space picks "up", an arrow moves the choice to "down".
    await page.locator('[data-predict="fillRate:short"] input[value="up"]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(
      await page.locator('[data-predict="fillRate:short"] input:checked').getAttribute('value'),
    ).toBe('down');
    // A size cannot be given to a flat prediction.
    expect(await page.locator('select[data-size="onTimePackagesPerWeek:long"]').isDisabled()).toBe(
      true,
    );
    await screenshot(page, 'practice-predict-1280');
    await commit(page, 'predict', 'call');

    // Step 4: the call; committing it runs the simulation.
    await page.locator('practice-mode [data-call="change"]').check();
    await page.locator('practice-mode [data-call-reason]').fill('Pay costs more than it brings.');
    await commit(page, 'call', 'reveal');

    // Every prediction graded as the pure grading reads the revealed truths.
    const prompt = PROMPT_BY_ID.get(PROMPT)!;
    const rows = await revealed(page);
    expect(rows.map((r) => r.key)).toEqual(
      prompt.metrics.flatMap((m) => [`${m}:short`, `${m}:long`]),
    );
    for (const r of rows) {
      const def = METRIC_BY_ID.get(r.key.split(':')[0]!)!;
      expect(r.direction, r.key).toBe(truthOf(def, r.delta, r.low, r.high, r.minChange) ?? 'none');
      expect(r.correct, r.key).toBe(String(r.direction !== 'none' && r.predicted === r.direction));
    }
    // Pay is the operator's cost: cost per package rises beyond its threshold at once.
    expect(rows.find((r) => r.key === 'costPerPackage:short')).toMatchObject({
      direction: 'up',
      correct: 'true',
    });

    // Every step has its feedback and score; the round's score is their mean.
    const steps = ['northStar', 'guardrails', 'direction', 'size', 'call'];
    let sum = 0;
    for (const s of steps) {
      const f = page.locator(`practice-mode [data-feedback="${s}"]`);
      expect((await f.innerText()).length, s).toBeGreaterThan(60);
      sum += Number(await f.getAttribute('data-step-score'));
    }
    const round = Number(
      await page.locator('practice-mode [data-round-score]').getAttribute('data-round-score'),
    );
    expect(round).toBeCloseTo(sum / steps.length, 12);
    expect(
      Number(await page.locator('[data-feedback="northStar"]').getAttribute('data-step-score')),
    ).toBe(0.2);
    expect(await page.locator('[data-feedback="guardrails"]').innerText()).toMatch(
      /puts at risk: Cost per package, worse in the long run, large: .* You named it\./,
    );
    // Every row the run settles has its size and a chain of three links at most.
    const why = await page.locator('practice-reveal [data-why="costPerPackage:short"]').innerText();
    expect(why).toMatch(/Size: large: .*× the ±\$0\.02\/package that matters/);
    expect(why).toMatch(
      /Chain: pay up → Base pay \+0\.\d+ \(the largest part of the change\) → Cost per package up/,
    );
    const text = await deepText(page.locator('practice-mode'), { attributes: true });
    expect(text.length).toBeGreaterThan(5000);
    expect(text).not.toMatch(/NaN|undefined/);
    await screenshot(page, 'practice-reveal-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'practice-reveal-390');

    // The progress per skill survives a reload, with the round's code.
    const stored = JSON.parse(
      (await page.evaluate((k) => window.localStorage.getItem(k), SKILLS_KEY))!,
    );
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({ code, kind: 'question' });
    await page.reload();
    await expect.poll(() => step(page), { timeout: 30_000 }).toBe('pick');
    for (const s of steps) {
      expect(await page.locator(`[data-progress] [data-skill="${s}"] td`).first().innerText()).toBe(
        '1',
      );
    }
    expect(
      await page.locator('[data-progress] [data-skill="diagnosis"] td').first().innerText(),
    ).toBe('0');
    await screenshot(page, 'practice-pick-390');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('plays a prompt made from the workspace scenario, and reads damaged stores defensively', async () => {
    const { page, problems } = await openApp(browser, `?mode=practice${VIEW}&blockHours=5`);
    await expect.poll(() => step(page), { timeout: 30_000 }).toBe('pick');
    await page.locator('practice-mode [data-custom-prompt]').click();
    await expect.poll(() => step(page)).toBe('goal');
    expect(await page.locator('practice-mode #prompt-heading').innerText()).toBe(
      'Typical block length: 3.5 h → 5 h',
    );
    // A prompt from the workspace has no code: its runs are the workspace's.
    expect(await page.locator('practice-mode [data-round-code]').count()).toBe(0);
    // Played without answers: every step committed empty, graded, and back to the list.
    await commit(page, 'goal', 'metrics');
    await commit(page, 'metrics', 'predict');
    expect(await page.locator('practice-mode [data-predict]').count()).toBeGreaterThanOrEqual(12);
    await commit(page, 'predict', 'call');
    await commit(page, 'call', 'reveal');
    expect(await page.locator('[data-feedback="call"]').innerText()).toMatch(/You said: nothing/);
    await page.getByRole('button', { name: 'Another prompt' }).click();
    await expect.poll(() => step(page)).toBe('pick');
    expect(await page.locator('[data-list="question"] .totals').innerText()).toMatch(
      /No rounds played yet on these prompts.*Also 1 round on 1 prompt made from your workspace/,
    );

    // Damaged scores and progress are reported, not a crash; the prompt scores stay as they were.
    await page.evaluate(
      ([h, s]) => {
        window.localStorage.setItem(h, '{not json');
        window.localStorage.setItem(s, '[1,2');
      },
      [HISTORY_KEY, SKILLS_KEY],
    );
    await page.reload();
    await expect.poll(() => step(page), { timeout: 30_000 }).toBe('pick');
    const notice = await page
      .locator('practice-mode > .notice, practice-mode .notice')
      .first()
      .innerText();
    expect(notice).toMatch(/past scores could not be read/);
    expect(notice).toMatch(/Your practice progress could not be read .* kept aside/);
    expect(await page.locator('[data-progress-empty]').count()).toBe(1);
    expect(await page.locator('practice-prompts [data-prompt]').count()).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);
});
