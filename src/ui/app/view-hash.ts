/**
 * Keeps the view and the URL's hash in step: remembers the hash last read from or written to
 * the URL, so that the app reads a hash only when someone else changed it (a link, back and
 * forward, an edit in the address bar) and writes one only when the view changed. Pure: the
 * app hands it the hash and does the reading and writing of the URL itself.
 */
import type { Parsed } from '../../model/scenario';
import { decodeView, encodeView, type LinkView, type ViewState } from './view-state';

export class ViewHash {
  /** The hash last written to or read from the URL. */
  private last: string | undefined;

  /**
   * The view `hash` asks for, or why it cannot be used; undefined when `hash` is the one last
   * read or written (nothing new to take).
   */
  read(hash: string): Parsed<LinkView> | undefined {
    if (hash === this.last) return undefined;
    const r = decodeView(hash);
    if (r.ok) this.last = encodeView(r.value);
    return r;
  }

  /** Counts `view` as the one the URL shows (an unusable link stays until the view changes). */
  keep(view: ViewState): void {
    this.last = encodeView(view);
  }

  /** The hash to write for `view` ("" for the default view); undefined when already shown. */
  next(view: ViewState): string | undefined {
    const hash = encodeView(view);
    if (hash === this.last) return undefined;
    this.last = hash;
    return hash;
  }
}
