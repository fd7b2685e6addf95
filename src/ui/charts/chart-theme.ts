/**
 * The charts' palette and type: Okabe–Ito colours (colour-blind safe), the stroke patterns that
 * tell baseline from scenario without colour, type sizes readable on a projector, the line
 * width, and a rough text width for laying labels out. Plain values, no Lit and no d3.
 */

/** Okabe–Ito colours: baseline blue (dashed), scenario vermillion (solid). */
export const COLOURS = {
  baseline: '#0072B2',
  scenario: '#D55E00',
  text: '#1c2430',
  muted: '#4a5565',
  axis: '#6a7585',
  grid: '#e3e7ec',
  window: '#eef1f5',
  marker: '#1c2430',
  guardrail: '#7a1f5c',
} as const;

/** Stroke patterns: colour is never the only way to tell baseline from scenario. */
export const DASH = { baseline: '8 5', scenario: 'none' } as const;

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Type sizes in px: ticks ≥ 13 px so axes read from the back of a room. */
export const FONT = { tick: 14, axis: 15, legend: 15, title: 17 } as const;

export const LINE_WIDTH = 3;

/** Rough width of a text in px at a font size (average glyph ≈ 0.58 em in a sans face). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.58;
}
