import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NO_ANSWERS, type ArcAnswers, type Call } from '../../model/arc';
import { gradeQuestion, type QuestionGrade } from '../../model/arc-round';
import { METRICS, type MetricId } from '../../model/metrics';
import {
  codeOfTheDay,
  practiceCode,
  readPracticeCode,
  type PracticeKind,
} from '../../model/practice-code';
import {
  PROMPTS,
  PROMPT_BY_ID,
  promptFromScenario,
  promptRun,
  type Prompt,
  type PromptRun,
} from '../../model/prompts';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import {
  EMPTY_HISTORY,
  loadHistory,
  recordAttempt,
  truthsOf,
  type History,
  type HistoryStorage,
  type RunLength,
  type Truth,
} from '../../model/scoring';
import {
  SHIP_DRILLS,
  SHIP_DRILL_BY_ID,
  gradeShip,
  type ShipDrill,
  type ShipGrade,
} from '../../model/ship-drills';
import {
  EMPTY_SKILLS,
  loadSkills,
  recordSkills,
  type EntryKind,
  type SkillEntry,
  type SkillStore,
} from '../../model/skills';
import type { CompareRunner } from '../shared/runner';
import { arcView } from './arc-view';
import { pickView } from './pick-view';
import { practiceModeStyles } from './practice-mode.styles';
import { runPractice, type RunState } from './practice-run';
import { roundHeader } from './round-header';

/** Steps of a round: a metric question goes goal → metrics → predict → call; a ship drill metrics → call. */
export type PracticeStep = 'pick' | 'goal' | 'metrics' | 'predict' | 'call' | 'running' | 'reveal';

/** The browser's storage, or undefined where the page may not use it. */
function browserStorage(): HistoryStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const HEADINGS: Readonly<Record<PracticeStep, string>> = {
  pick: '#pick-heading',
  goal: '#prompt-heading',
  metrics: '#metrics-heading',
  predict: '#predict-heading',
  call: '#call-heading',
  running: '#run-heading',
  reveal: '#reveal-heading',
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the reveal shows: the grade of the round or drill and the runs it came from. */
export type Graded =
  | { readonly kind: 'question'; readonly grade: QuestionGrade }
  | { readonly kind: 'ship'; readonly grade: ShipGrade };

/**
 * Practice mode for interview candidates (docs/PRACTICE.md). A metric question is played as an
 * interviewer runs it, each step committed before the next is shown: the goal and the North
 * Star; inputs and guardrails with a reason; direction and size per metric, short and long
 * run; the call with a sentence. The simulation then grades every step (arc-round.ts) and the
 * reveal says why. A ship-or-not drill asks for criteria, then the call. Every round has a code
 * (practice-code.ts); graded rounds and drills go to the per-skill history (skills.ts).
 *
 * Carries `data-step` (pick, goal, metrics, predict, call, running, reveal) and `data-kind`.
 * Test hooks: see arc-forms.ts, arc-review.ts, pick-view.ts, practice-predictions.ts and
 * practice-reveal.ts; `[data-round-code]` holds the round's code.
 */
@customElement('practice-mode')
export class PracticeMode extends LitElement {
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The workspace's baseline: a prompt made from the workspace runs against it. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The workspace's current scenario (a candidate can make a prompt from it). */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  @property({ type: String, reflect: true, attribute: 'data-step' }) step: PracticeStep = 'pick';
  @property({ type: String, reflect: true, attribute: 'data-kind' }) kind: PracticeKind =
    'question';

  @state() history: History = EMPTY_HISTORY;
  @state() skills: SkillStore = EMPTY_SKILLS;
  @state() prompt: Prompt | undefined;
  /** The runs' seed from the code (undefined for a prompt made from the workspace). */
  @state() seed: number | undefined;
  @state() answers: ArcAnswers = NO_ANSWERS;
  @state() shipGoal: MetricId | '' = '';
  @state() horizon: RunLength = 'long';
  @state() codeText = '';
  @state() codeError = '';
  @state() notice = '';
  @state() run: RunState = { progress: 0, text: '', estimate: '', gateLabel: '' };
  @state() graded: Graded | undefined;
  @state() measured: readonly Truth[] = [];
  @state() comparison: Comparison | undefined;
  @state() revealed: PromptRun | undefined;
  @state() previousBest: number | undefined;
  /** Counts runs, so a result arriving after the candidate moved on is dropped. */
  runs = 0;
  abort: AbortController | undefined;

  static override styles = practiceModeStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    const storage = browserStorage();
    this.history = storage
      ? loadHistory(storage)
      : { ...EMPTY_HISTORY, problems: ['scores cannot be kept in this browser'] };
    this.skills = storage ? loadSkills(storage) : EMPTY_SKILLS;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runs++;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('step') || changed.get('step') === undefined) return;
    this.renderRoot
      .querySelector<HTMLElement>(HEADINGS[this.step])
      ?.focus({ preventScroll: false });
  }

  override render() {
    const problems = [...this.history.problems, ...this.skills.problems];
    return html`
      ${problems.length > 0 ? html`<p class="notice" role="status">${problems.join(' ')}</p>` : nothing}
      ${this.step === 'pick' ? this.pickScreen() : this.roundView()}
    `;
  }

  private pickScreen() {
    const date = today();
    return pickView(
      {
        history: this.history,
        skills: this.skills,
        code: this.codeText,
        codeError: this.codeError,
        notice: this.notice,
        today: {
          question: codeOfTheDay('question', date, PROMPTS.length),
          ship: codeOfTheDay('ship', date, SHIP_DRILLS.length),
        },
      },
      {
        onCode: (t) => (this.codeText = t),
        startCode: (c) => this.startCode(c),
        pickQuestion: (id) => this.startPrompt('question', PROMPT_BY_ID.get(id), 1),
        pickShip: (id) => this.startPrompt('ship', SHIP_DRILL_BY_ID.get(id), 1),
        fromWorkspace: () => this.promptFromWorkspace(),
        drillGraded: (e) => this.addSkills('cause', e.detail.code, { diagnosis: e.detail.score }),
      },
    );
  }

  private startCode(code: string): void {
    const c = readPracticeCode(code, { question: PROMPTS.length, ship: SHIP_DRILLS.length });
    if (!c) {
      this.codeError =
        'That is not a practice code: a Q- or S- code (a letter, a dash, eight letters and digits). Root-cause drill codes go in the drill below.';
      return;
    }
    this.codeError = '';
    const list: readonly Prompt[] = c.kind === 'question' ? PROMPTS : SHIP_DRILLS;
    this.startPrompt(c.kind, list[c.index], c.seed);
  }

  private promptFromWorkspace(): void {
    const r = promptFromScenario(this.baseline, this.scenario);
    if (!r.ok) {
      this.notice = r.error;
      return;
    }
    this.startPrompt('question', r.value, undefined);
  }

  startPrompt(kind: PracticeKind, prompt: Prompt | undefined, seed: number | undefined): void {
    if (!prompt) return;
    this.kind = kind;
    this.prompt = prompt;
    this.seed = seed;
    this.answers = NO_ANSWERS;
    this.shipGoal = '';
    this.horizon = 'long';
    this.graded = undefined;
    this.revealed = undefined;
    this.notice = '';
    this.step = kind === 'question' ? 'goal' : 'metrics';
  }

  /** The round's code, or undefined for a prompt made from the workspace. */
  roundCode(): string | undefined {
    const p = this.prompt;
    if (!p || this.seed === undefined) return undefined;
    const index = (this.kind === 'question' ? PROMPTS : SHIP_DRILLS).findIndex(
      (x) => x.id === p.id,
    );
    return index < 0 ? undefined : practiceCode(this.kind, index, this.seed);
  }

  backToPrompts = (): void => {
    this.runs++;
    this.abort?.abort();
    this.step = 'pick';
    this.prompt = undefined;
    this.notice = '';
  };

  private roundView() {
    const prompt = this.prompt;
    if (!prompt) return nothing;
    const run = promptRun(prompt, this.baseline, this.seed);
    return html`
      ${roundHeader(prompt, run, this.baseline, this.backToPrompts, this.roundCode())}
      ${arcView(this, prompt, run.ok)}
    `;
  }

  set(patch: Partial<ArcAnswers>): void {
    this.answers = { ...this.answers, ...patch };
  }

  setShip(goal: MetricId | '', horizon: RunLength): void {
    this.shipGoal = goal;
    this.horizon = horizon;
  }

  setCall(call: Call): void {
    this.set({ call });
  }

  /** Commits the last step and runs the round through the run gate (`anyway`: over budget too). */
  async runRound(anyway = false): Promise<void> {
    const prompt = this.prompt;
    if (!prompt || !this.runner) return;
    const pair = promptRun(prompt, this.baseline, this.seed);
    if (!pair.ok) {
      this.notice = pair.error;
      return;
    }
    const comparison = await runPractice(this, this.runner, pair.value, anyway);
    if (!comparison) return;
    this.finish(prompt, pair.value, comparison);
  }

  private finish(prompt: Prompt, pair: PromptRun, comparison: Comparison): void {
    this.measured = truthsOf(
      comparison,
      METRICS.map((m) => m.id),
    );
    this.comparison = comparison;
    this.revealed = pair;
    this.previousBest = this.history.records[prompt.id]?.best;
    let score: number;
    if (this.kind === 'ship') {
      const drill = prompt as ShipDrill;
      const grade = gradeShip(drill, this.measured, this.shipAnswer());
      this.graded = { kind: 'ship', grade };
      score = grade.score;
      this.addSkills('ship', this.roundCode() ?? prompt.id, { call: grade.score });
    } else {
      const grade = gradeQuestion(
        prompt,
        this.answers,
        this.measured,
        pair.baseline.params,
        pair.scenario.params,
      );
      this.graded = { kind: 'question', grade };
      score = grade.score;
      this.addSkills('question', this.roundCode() ?? prompt.id, grade.skills);
    }
    this.step = 'reveal';
    const storage = browserStorage();
    if (!storage) return;
    const r = recordAttempt(storage, this.history, prompt.id, prompt.title, score);
    if (r.ok) this.history = r.value;
    else this.notice = r.error;
  }

  shipAnswer() {
    return {
      criteria: {
        goal: this.shipGoal || 'onTimePackagesPerWeek',
        guardrails: this.answers.guardrails,
      },
      horizon: this.horizon,
      call: this.answers.call,
      reason: this.answers.callReason,
    } as const;
  }

  private addSkills(kind: EntryKind, code: string, scores: SkillEntry['scores']): void {
    const storage = browserStorage();
    if (!storage) return;
    const r = recordSkills(storage, this.skills, { code, kind, date: today(), scores });
    if (r.ok) this.skills = r.value;
    else this.notice = r.error;
  }

  tryAgain = (): void => {
    if (this.prompt) this.startPrompt(this.kind, this.prompt, this.seed);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-mode': PracticeMode;
  }
}
