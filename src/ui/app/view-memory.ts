/**
 * Where the app keeps its view besides the screen: the URL's hash (view-hash.ts), the
 * browser's history (view-history.ts: a change of what the user decides is an entry, a drag or
 * rapid typing one entry) and the autosave (autosave.ts). The app hands it the view and the
 * pins after every update and asks it, at start-up, for the view to show: the link's when the
 * URL has a hash, else the autosaved one (with a note saying so), else the defaults.
 */
import type { StorageLike } from '../shared/saved-scenarios';
import type { Pin } from '../shared/scenario-runs';
import { restoreAutosave, writeAutosave, type Autosaved } from './autosave';
import { ViewHash } from './view-hash';
import { AppHistory } from './view-history';
import { encodeView, type LinkView, type ViewState } from './view-state';
import type { Parsed } from '../../model/scenario';

/** A note about where the view shown came from, or why it could not be kept. */
export interface MemoryNotice {
  readonly kind: 'restored' | 'unreadable' | 'unsaved';
  readonly text: string;
}

/** The browser storage, if the page may use it. */
export function localStore(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export class ViewMemory {
  readonly hash = new ViewHash();
  readonly history: AppHistory;
  /** The autosave last written (its text without the time), so an unchanged view is not. */
  private saved = '';
  /** Whether autosaving is on (off when a stored value could not be kept, or storage fails). */
  private autosaving = true;

  constructor(
    private readonly storage: StorageLike | undefined = localStore(),
    h: Pick<History, 'state' | 'pushState' | 'replaceState' | 'go'> = history,
  ) {
    this.history = new AppHistory(h);
  }

  /**
   * The view to start from when the URL has no hash: the autosaved one, or nothing (the
   * defaults), with a note to show.
   */
  restore(): { saved?: Autosaved; notice?: MemoryNotice } {
    if (!this.storage) return {};
    const r = restoreAutosave(this.storage);
    if (r.kind === 'none') return {};
    if (r.kind === 'restored') {
      const v = r.value;
      this.saved = savedKey(v.view, v.pins);
      const blank = encodeView(v.view) === '' && v.pins.length === 0;
      if (blank) return {};
      return {
        saved: v,
        notice: { kind: 'restored', text: 'Restored your last scenario.' },
      };
    }
    if (r.backupKey === undefined) this.autosaving = false;
    const kept =
      r.backupKey !== undefined
        ? `It is kept in this browser's storage under "${r.backupKey}".`
        : 'It could not be copied aside, so autosaving is off for now to keep it.';
    return {
      notice: {
        kind: 'unreadable',
        text: `Your last scenario could not be restored: ${r.error}. ${kept} Showing the defaults.`,
      },
    };
  }

  /** Takes what the URL's hash asks for (see ViewHash.read). */
  read(hash: string): Parsed<LinkView> | undefined {
    return this.hash.read(hash);
  }

  /** As `write`, after an update that changed `changed`: nothing when the view cannot have. */
  writeChanged(
    changed: ReadonlyMap<PropertyKey, unknown>,
    view: ViewState,
    pins: readonly Pin[],
    replace: boolean,
  ): MemoryNotice | undefined {
    return viewMayHaveChanged(changed) ? this.write(view, pins, replace) : undefined;
  }

  /**
   * Writes `view` into the URL (an entry of the history when it is a decision, see
   * view-history.ts; over the current entry when `replace`) and the autosave. Returns a note
   * when the autosave failed.
   */
  write(view: ViewState, pins: readonly Pin[], replace: boolean): MemoryNotice | undefined {
    const next = this.hash.next(view);
    if (next !== undefined) {
      const url = next === '' ? `${location.pathname}${location.search}` : next;
      this.history.write(url, location.hash, next, performance.now(), replace);
    }
    return this.autosave(view, pins);
  }

  private autosave(view: ViewState, pins: readonly Pin[]): MemoryNotice | undefined {
    if (!this.storage || !this.autosaving) return undefined;
    const key = savedKey(view, pins);
    if (key === this.saved) return undefined;
    const error = writeAutosave(this.storage, { view, pins }, new Date());
    if (error === undefined) {
      this.saved = key;
      return undefined;
    }
    this.autosaving = false;
    return { kind: 'unsaved', text: `Your scenario could not be autosaved: ${error}.` };
  }
}

/** The app's properties the view (the URL, the history) and the autosave are made of. */
const VIEW_SOURCES = [
  'baseline',
  'scenario',
  'chart',
  'metric',
  'thresholds',
  'minChanges',
  'pins',
  'labSettings',
];

/**
 * Whether an update with these changed properties may have changed the view or the pins: a
 * run's progress re-renders the page many times a second, and only a change of what the view
 * or the autosave hold is worth encoding and writing.
 */
export function viewMayHaveChanged(changed: ReadonlyMap<PropertyKey, unknown>): boolean {
  return VIEW_SOURCES.some((k) => changed.has(k));
}

/** What an autosave holds, minus its time. */
function savedKey(view: ViewState, pins: readonly Pin[]): string {
  return JSON.stringify([encodeView(view), pins.map((p) => [p.name, p.scenario])]);
}
