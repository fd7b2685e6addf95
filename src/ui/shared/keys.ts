/** Key presses as moves of a focused index, for charts, steppers and rows of tabs. */

/** Moves a focused index by a key press (arrows, Home, End, PageUp/PageDown by `page`). */
export function stepIndex(key: string, index: number, count: number, page = 4): number | undefined {
  const last = count - 1;
  const clamp = (i: number) => Math.min(Math.max(0, i), last);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(index + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(index - 1);
    case 'PageUp':
      return clamp(index + page);
    case 'PageDown':
      return clamp(index - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/**
 * Moves along a row of tabs or links by a key press, wrapping round at the ends (ArrowLeft,
 * ArrowRight, Home, End; other keys give undefined), as the WAI-ARIA tabs pattern does.
 */
export function tabStep(key: string, index: number, count: number): number | undefined {
  if (count < 1) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
