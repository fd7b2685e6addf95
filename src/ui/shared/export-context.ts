/**
 * What an export must carry to stand alone (issue 13): which scenario it shows, the levers
 * changed from the baseline with their values, the run settings (seed, weeks, replications),
 * when it was exported and the link that reproduces it. As a caption drawn under an exported
 * chart (wrapped to the chart's width) and as the comment lines atop a CSV. Pure text, no DOM.
 */
import type { Scenario } from '../../model/scenario';
import { leverChanges } from './comparison-rows';

/** The scenario an export shows and how to get it back. */
export interface ExportContext {
  /** The scenario's name: a saved scenario's, else "Workspace scenario". */
  readonly name: string;
  readonly scenario: Scenario;
  readonly baseline: Scenario;
  /** The app's URL with the view's hash, which reopens this view. */
  readonly link: string;
  /** When the export is made. */
  readonly date: Date;
}

/** What a view hands its exports: the context but the date, which is the export's own. */
export type ExportSource = Omit<ExportContext, 'date'>;

/** The context of an export made now from `source`, or undefined without one. */
export function exportNow(source: ExportSource | undefined): ExportContext | undefined {
  return source ? { ...source, date: new Date() } : undefined;
}

/** The name a scenario goes by when it has none of its own. */
export const WORKSPACE_NAME = 'Workspace scenario';

/** The caption's font size and line height in px (the chart's own text is 11–12 px). */
export const CAPTION_FONT_PX = 11;
export const CAPTION_LINE_PX = 15;
/** Average advance of a caption character as a share of the font size (system sans-serif). */
const CHAR_EM = 0.56;

/** "2026-11-30 09:41 UTC": the date to the minute, in UTC so every reader sees the same. */
export function exportDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Each lever changed from the baseline: "Pay per block hour 22 $/h → 19.8 $/h". */
export function leverLines(ctx: Pick<ExportContext, 'scenario' | 'baseline'>): string[] {
  return leverChanges(ctx.baseline, ctx.scenario).map(
    (c) => `${c.label} ${c.baseline} → ${c.scenario}`,
  );
}

/** "seed 1 · 26 weeks · 16 replications". */
export function settingsText(s: Scenario): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `seed ${s.seed} · ${plural(s.weeks, 'week')} · ${plural(s.replications, 'replication')}`;
}

/**
 * The caption's sentences, unwrapped: the scenario against the baseline with the levers
 * changed, the run settings and date, and the link.
 */
export function captionText(ctx: ExportContext): string[] {
  const levers = leverLines(ctx);
  return [
    `${ctx.name} against the baseline: ${levers.length === 0 ? 'no lever changed' : levers.join('; ')}.`,
    `Same seeds for both: ${settingsText(ctx.scenario)}. Exported ${exportDate(ctx.date)}.`,
    `Reproduce: ${ctx.link}`,
  ];
}

/** How many caption characters fit on a line `width` px wide (at least 20). */
export function captionChars(width: number): number {
  return Math.max(20, Math.floor((width - 16) / (CAPTION_FONT_PX * CHAR_EM)));
}

/**
 * Wraps a sentence to lines of at most `max` characters: at spaces where it can, and a word
 * longer than a line (a link) is cut into pieces of `max` characters.
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (rest.length > max) {
      if (line) lines.push(line);
      line = '';
      const room = max;
      lines.push(rest.slice(0, room));
      rest = rest.slice(room);
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= max) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The caption drawn under a chart `width` px wide: its sentences wrapped to the width. */
export function captionLines(ctx: ExportContext, width: number): string[] {
  const max = captionChars(width);
  return captionText(ctx).flatMap((sentence) => wrapText(sentence, max));
}
