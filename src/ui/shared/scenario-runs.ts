/**
 * Where each shown scenario's comparison stands (queued, running, done or failed), for
 * presentation mode's columns and the workspace's pins, kept by baseline–scenario pair in a
 * bounded map, and the words a column shows while it waits. Pure, no DOM.
 */
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { isSuperseded } from '../../run/pool';
import { scenarioKey } from '../../run/result-cache';
import { NO_VALUE } from './format';

/** A scenario shown in a column: presentation mode's slides, the workspace's pins. */
export interface Column {
  readonly name: string;
  readonly scenario: Scenario;
}

/** A column in view, with its place among all. */
export interface ShownColumn<C extends Column = Column> {
  readonly slide: C;
  readonly index: number;
}

/** A scenario the user pinned in the workspace, to see side by side with the baseline. */
export type Pin = Column;

/** Most pins. */
export const MAX_PINS = 4;
/** Longest pin name. */
export const PIN_NAME_MAX = 60;

/** Comparisons kept for slides visited (each is small: a few hundred kilobytes at most). */
export const KEEP_RESULTS = 24;

/** Where slide runs stand. */
export type SlideRun =
  | { state: 'queued' }
  | { state: 'running'; progress: number }
  | { state: 'done'; comparison: Comparison }
  | { state: 'failed'; error: string };

/** A slide's run, if it has one. */
export type RunOf = (slide: Column) => SlideRun | undefined;

/** The key of a baseline–scenario pair: equal keys mean the same comparison. */
export function pairKey(baseline: Scenario, scenario: Scenario): string {
  return `${scenarioKey(baseline)}|${scenarioKey(scenario)}`;
}

/**
 * `runs` with `key` set to `run` (moved to the newest place), the oldest others forgotten
 * beyond `keep` entries.
 */
export function withRun(
  runs: ReadonlyMap<string, SlideRun>,
  key: string,
  run: SlideRun,
  keep = KEEP_RESULTS,
): Map<string, SlideRun> {
  const next = new Map(runs);
  next.delete(key);
  next.set(key, run);
  for (const k of next.keys()) {
    if (next.size <= keep) break;
    if (k !== key) next.delete(k);
  }
  return next;
}

/** What a column says while its numbers are not in hand ('' once they are). */
export function waitText(run: SlideRun | undefined): string {
  if (!run || run.state === 'queued') return 'waiting to run…';
  if (run.state === 'running') return `running… ${Math.round(run.progress * 100)}%`;
  if (run.state === 'failed') return `${NO_VALUE} not run: ${run.error}`;
  return '';
}

/** Why a slide's run failed, in words. */
export function failureText(error: unknown): string {
  if (isSuperseded(error)) return 'another run took the simulation over; press “Run again”';
  return error instanceof Error ? error.message : String(error);
}

/** The shown slide running now: its place among those shown (from 1) and its progress. */
export interface RunningNow<C extends Column = Column> {
  readonly slide: C;
  readonly position: number;
  readonly fraction: number;
}

/** The first shown slide whose run is in progress, if any. */
export function runningNow<C extends Column>(
  shown: readonly ShownColumn<C>[],
  runOf: RunOf,
): RunningNow<C> | undefined {
  const i = shown.findIndex(({ slide }) => runOf(slide)?.state === 'running');
  const running = shown[i];
  if (!running) return undefined;
  const run = runOf(running.slide);
  return {
    slide: running.slide,
    position: i + 1,
    fraction: run?.state === 'running' ? run.progress : 0,
  };
}

/** The main metrics of a scenario table: the North Star and the main stakeholder metrics. */
export const MAIN_METRICS: readonly MetricId[] = [
  'onTimePackagesPerWeek',
  'onTimeRate',
  'driverNetHourly',
  'costPerPackage',
  'fillRate',
  'activeDrivers',
];
