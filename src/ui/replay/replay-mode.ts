/**
 * Replay mode (`?mode=replay`, issue 19): the workspace's baseline and scenario replayed a day
 * at a time (src/ui/charts/replay-view.ts). The query may name the week (`week`, 1-based), the
 * day (`day`, 1 Monday to 7 Sunday), the replication (`rep`, 1-based) and a metric (`metric`):
 * with a metric and no day, the day where that metric's counter differs most is shown.
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRICS, type MetricId } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import '../charts/replay-view';

/** The replay a query asks for (out-of-range values are clamped by the view). */
export function readReplayQuery(search: string): {
  week: number;
  weekday: number;
  replication: number;
  metric: MetricId | undefined;
} {
  const q = new URLSearchParams(search);
  const int = (key: string, fallback: number) => {
    const n = Number.parseInt(q.get(key) ?? '', 10);
    return Number.isFinite(n) ? n : fallback;
  };
  const metric = METRICS.find((m) => m.id === q.get('metric'))?.id;
  const day = int('day', 0);
  return {
    week: Math.max(1, int('week', 1)),
    weekday: day >= 1 && day <= 7 ? day - 1 : metric ? -1 : 0,
    replication: Math.max(0, int('rep', 1) - 1),
    metric,
  };
}

@customElement('replay-mode')
export class ReplayMode extends LitElement {
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  private readonly asked = readReplayQuery(location.search);

  protected override render() {
    const a = this.asked;
    return html`<h2>Watch a day of the run</h2>
      <p>
        Every driver active on the day, baseline beside scenario on the same random draws: the
        blocks offered in waves and claimed first come, first served, the station queue, the routes
        and who quits at the end of the day.
      </p>
      <replay-view
        .baseline=${this.baseline}
        .scenario=${this.scenario}
        .week=${a.week}
        .weekday=${a.weekday}
        .replication=${a.replication}
        .metric=${a.metric}
      ></replay-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-mode': ReplayMode;
  }
}
