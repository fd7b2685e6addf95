/**
 * A Lit controller that tracks its host's content width with a ResizeObserver and re-renders
 * the host when it changes, so that a chart draws at the width it is given.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the host's content width with a ResizeObserver and re-renders on change. */
export class WidthController implements ReactiveController {
  width = 0;
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const w = Math.floor(entry.contentRect.width);
      if (w !== this.width) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
