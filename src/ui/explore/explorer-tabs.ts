/**
 * The explorer's tabs, one per tool, in the order they show, with the words their run buttons
 * and exported files take.
 */

export type ExplorerTab = 'sweep' | 'tradeoff' | 'grid' | 'sensitivity' | 'goal' | 'design';

export const TABS: readonly { id: ExplorerTab; label: string }[] = [
  { id: 'sweep', label: 'Sweep' },
  { id: 'tradeoff', label: 'Trade-off' },
  { id: 'grid', label: 'Two levers' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'goal', label: 'Goal seek' },
  { id: 'design', label: 'Global design' },
];

/** The run button's label for a tool's run ('sweep' also serves the trade-off tab). */
export function runLabel(what: ExplorerTab): string {
  switch (what) {
    case 'sweep':
      return 'Run sweep';
    case 'grid':
      return 'Run grid';
    case 'sensitivity':
      return 'Run sensitivity';
    case 'design':
      return 'Run design';
    default:
      return 'Seek';
  }
}

/** The name of a chart exported from a tab: `gigsim-explore-grid.svg`. */
export function exportFileName(tab: ExplorerTab, ext: string): string {
  return `gigsim-explore-${tab}.${ext}`;
}
