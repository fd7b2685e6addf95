/**
 * The model page's prose, in the order of the ODD protocol (Overview, Design concepts,
 * Details: Grimm et al. 2006, updated 2020). Numbers the tables own are read from them
 * (parameter defaults, metric counts, the short- and long-run windows, the run settings), and
 * every parameter or metric named in the text links to its row on the page, by typed id, so a
 * renamed or removed id fails the type check instead of leaving a dead link.
 *
 * Templates only: the model page (model-page.ts) places them and handles the links.
 */
import { html, type TemplateResult } from 'lit';
import { METRICS, METRIC_BY_ID, STAKEHOLDERS, type MetricId } from '../../model/metrics';
import { PARAMS, PARAM_BY_ID, type ParamId } from '../../model/params';
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from '../../model/results';
import { SETTINGS } from '../../model/scenario';
import { REALITY_FACTS } from '../../model/reality-facts';
import { withUnit } from '../shared/lever-values';
import { modelLink, topicId } from '../shared/model-link';
import { factList } from './fact-list';

/** A link to a parameter's row, named by its label. */
export function paramRef(id: ParamId): TemplateResult {
  const def = PARAM_BY_ID.get(id);
  return html`<a class="ref" href=${modelLink('param', id)} data-topic=${topicId('param', id)}
    >${def?.label ?? id}</a
  >`;
}

/** A parameter's default as read: "22 $/h", "on". */
function defaultOf(id: ParamId): string {
  const def = PARAM_BY_ID.get(id);
  return def ? withUnit(def.default, def.unit) : '–';
}

/** A link to a parameter's row with its default: "Pay per block hour, default 22 $/h". */
function paramWithDefault(id: ParamId): TemplateResult {
  return html`${paramRef(id)}, default ${defaultOf(id)}`;
}

/** A link to a metric's row, named by its label. */
export function metricRef(id: MetricId): TemplateResult {
  const def = METRIC_BY_ID.get(id);
  return html`<a class="ref" href=${modelLink('metric', id)} data-topic=${topicId('metric', id)}
    >${def?.label ?? id}</a
  >`;
}

/** A link to a section of the page. */
export function sectionRef(id: string, text: string): TemplateResult {
  return html`<a class="ref" href=${modelLink('section', id)} data-topic=${topicId('section', id)}
    >${text}</a
  >`;
}

export interface OddSection {
  /** Anchor `section-<id>`. */
  readonly id: string;
  readonly title: string;
  /** ODD element this section answers, for the reader who knows the protocol. */
  readonly odd: string;
}

/** The page's sections, in order; the prose ones have a template in PROSE. */
export const SECTIONS: readonly OddSection[] = [
  { id: 'purpose', title: 'Purpose and patterns', odd: 'Overview 1' },
  { id: 'entities', title: 'Entities, state variables and scales', odd: 'Overview 2' },
  { id: 'process', title: 'Process overview and scheduling', odd: 'Overview 3' },
  { id: 'concepts', title: 'Design concepts', odd: 'Design concepts 4' },
  { id: 'initialisation', title: 'Initialisation', odd: 'Details 5' },
  { id: 'input', title: 'Input data', odd: 'Details 6' },
  { id: 'submodels', title: 'Submodels', odd: 'Details 7' },
  { id: 'parameters', title: 'Parameters: defaults and sources', odd: 'Details' },
  { id: 'metrics', title: 'Metrics: what is observed', odd: 'Observation' },
  { id: 'reality-check', title: 'Reality check', odd: 'Patterns (validation)' },
  { id: 'limits', title: 'What the model does not model', odd: 'Scope' },
];

const purpose = () => html`
  <p>
    gigsim lets a product manager ask “what happens if we change pay, block length, surge or the
    release rules?” before launch, and see the effect on everyone who has a stake in a crowdsourced
    delivery service like Amazon Flex: the <strong>drivers</strong> who claim delivery blocks with
    their own cars, the <strong>operator</strong> who plans and pays for the blocks, the
    <strong>customers</strong> who wait for packages and the <strong>merchants</strong> whose
    delivery promises depend on them. Every answer is a paired comparison of a baseline and a
    scenario with a 95% interval, for the short run (weeks 1–${SHORT_RUN_WEEKS}, before drivers have
    reacted) and the long run (the last ${LONG_RUN_WEEKS} weeks outside the calendar peaks, after
    the pool has adjusted), which can differ in sign, and for the peak weeks (Prime Day, the holiday
    peak) when the run holds any.
  </p>
  <p>
    The model is judged by whether it reproduces known patterns of gig labour and parcel delivery,
    the ${REALITY_FACTS.length} facts below, each with a numeric target and its source. The
    ${sectionRef('reality-check', 'reality check')} runs them on your own assumptions and shows the
    measured figure, a pass or a fail.
  </p>
  ${factList()}
`;

const entities = () => html`
  <dl class="entities">
    <dt>Drivers (the agents)</dt>
    <dd>
      Thousands to tens of thousands of them. Each is an applicant, onboarding, active, churned or
      deactivated, and carries: a reservation wage (the net hourly pay they need, lognormal across
      drivers around ${paramRef('outsideWage')}), the days and hours of the day they are free, the
      weekly hours they want (${paramRef('hoursWanted')}), how often they look at the app
      (${paramRef('checksPerHour')}, which decides who wins first-come blocks), their productivity
      (growing with completed blocks), how prone they are to not showing up, their standing (strikes
      from recent no-shows), tenure, a belief about what the work nets them an hour, and their
      frustration (days they wanted a block and got none).
    </dd>
    <dt>The station</dt>
    <dd>
      One delivery station: its forecast and actual package volume
      (${paramWithDefault('demandPerDay')}), the backlog of packages not yet delivered, and how many
      drivers it can load per half hour (${paramRef('loadingPerHalfHour')}).
    </dd>
    <dt>Blocks</dt>
    <dd>
      Units of paid work: a start time (one of six start slots), a length (a mix around the
      ${paramWithDefault('blockHours')}), pay (${paramWithDefault('payPerHour')}, plus surge), a
      release time, a route of packages, and a state: offered, claimed, surged, forfeited by a
      no-show, or completed.
    </dd>
    <dt>Packages</dt>
    <dd>
      Counts, not objects, split by origin (first-party retail or marketplace seller,
      ${paramRef('sellerShare')}). Each day's packages end in one bucket: delivered on time,
      delivered late, handed to the fallback carrier, or still waiting.
    </dd>
    <dt>Scales</dt>
    <dd>
      Time moves in days; within a day, blocks have start hours and lengths in hours. A run lasts
      ${SETTINGS.weeks.min} to ${SETTINGS.weeks.max} weeks (default ${SETTINGS.weeks.default}, so
      entry and churn have time to play out), starting in the calendar week set by
      ${paramRef('startWeek')} (week ${String(PARAM_BY_ID.get('startWeek')?.default ?? '–')} by
      default). Space is not modelled: a route is a number of packages delivered at a pace, not a
      set of addresses.
    </dd>
  </dl>
`;

const process = () => html`
  <p>Each simulated day runs these steps, in this order, for every replication:</p>
  <ol class="steps">
    <li>
      <strong>Entry.</strong> Applicants arrive; more of them when the advertised net pay beats the
      outside wage and when satisfied drivers spread the word. They onboard, and a share becomes
      active.
    </li>
    <li>
      <strong>Demand.</strong> The day's packages: the forecast times weekly and seasonal swings,
      times a forecast error. Yesterday's undelivered packages come back.
    </li>
    <li>
      <strong>Planning.</strong> The operator plans block hours from the <em>forecast</em> (not the
      actual volume) plus a capacity buffer, and cuts them into blocks of several lengths and start
      times.
    </li>
    <li>
      <strong>Release and claiming.</strong> Blocks go out in waves: first to drivers in good
      standing, then to everyone some days ahead. Drivers who want work that day look at the app at
      their own pace and take, first come first served, a block that fits their free time and pays
      enough.
    </li>
    <li>
      <strong>Surge.</strong> Blocks still open 24, 6 and 2 hours before their start are re-offered
      at higher pay, up to a cap. Still open at start: their packages go to the fallback carrier or
      wait for tomorrow.
    </li>
    <li>
      <strong>Execution.</strong> Some claimed drivers do not show. The others queue at the station,
      load, and deliver their route at their own pace; some attempts fail; routes too long for the
      block end late, unpaid, or come back undelivered.
    </li>
    <li>
      <strong>Pay and cost.</strong> Drivers are paid per block hour (plus surge and tips); the
      operator pays that, the fallback carrier and a station overhead per block.
    </li>
    <li>
      <strong>Learning and exit.</strong> Drivers update their belief of what the work nets them;
      some leave, more when that belief falls short of what they need, when they could not find
      blocks, or after unpaid overruns. Repeated no-shows deactivate a driver.
    </li>
    <li>
      <strong>Record.</strong> The day's counts and money are recorded; the metrics are computed per
      week from them.
    </li>
  </ol>
`;

/** Design concepts: what emerges, and how drivers adapt, aim, learn and predict. */
const conceptsOfDeciding = () => html`
  <dt>Emergence</dt>
  <dd>
    The size of the pool, how many blocks fill, hours per driver and what drivers earn an hour are
    outcomes, not inputs. Raise pay and more people join, blocks get scarcer, and each driver works
    fewer hours: the short and the long run can point in opposite directions.
  </dd>
  <dt>Adaptation</dt>
  <dd>
    Drivers decide each day whether to look for work and which block to claim, by whether its
    expected net hourly pay beats what they need that day; over weeks they decide whether to stay.
    The operator does not adapt: its rules are the levers you set.
  </dd>
  <dt>Objectives</dt>
  <dd>
    A driver wants enough hours at a net hourly pay above their reservation wage. The operator has
    no objective inside the model; the metric tree is how you judge it.
  </dd>
  <dt>Learning</dt>
  <dd>
    Drivers get faster with completed blocks (${paramRef('learningGain')} over
    ${paramRef('learningBlocks')}), and revise their belief of what the work pays by exponential
    smoothing of each block's net (${paramRef('beliefSmoothing')}).
  </dd>
  <dt>Prediction</dt>
  <dd>
    Drivers judge a block by its expected net pay: block pay minus expected vehicle cost, over the
    block's hours plus the expected wait and unpaid time. The operator predicts demand with a
    forecast that is wrong by ${paramRef('forecastError')}.
  </dd>
`;

/** Design concepts: what drivers sense, how they meet, chance, groups, what is observed. */
const conceptsOfMeeting = () => html`
  <dt>Sensing</dt>
  <dd>
    Drivers see only the offers on the app when they look, and their own past earnings; they do not
    see other drivers. Applicants see the advertised pay and hear from satisfied drivers
    (${paramRef('wordOfMouth')}).
  </dd>
  <dt>Interaction</dt>
  <dd>
    Drivers compete for the same blocks, first come first served: a fast checker's claim is a block
    a slower one cannot have. They also meet in the station's loading queue.
  </dd>
  <dt>Stochasticity</dt>
  <dd>
    Arrivals, demand, app checks, wage noise, no-shows, failed attempts and exits are random. Every
    draw comes from one seed and is keyed by replication, day, purpose and driver, so a run is
    reproducible to the bit, and a baseline and a scenario run on the same seed share their draws
    (common random numbers): their difference is measured with little noise.
  </dd>
  <dt>Collectives</dt>
  <dd>
    Drivers in good standing form a group that sees reserved blocks first
    (${paramRef('reservedShare')}); otherwise drivers act alone.
  </dd>
  <dt>Observation</dt>
  <dd>
    ${METRICS.length} metrics, grouped as a metric tree for ${STAKEHOLDERS.length - 1} stakeholder
    groups plus guardrails, are computed per week and summarised for the short run (weeks
    1–${SHORT_RUN_WEEKS}), the long run (the last ${LONG_RUN_WEEKS} weeks that are neither a
    calendar peak week nor the week after one), the peak (the calendar peak weeks in the run) and
    the whole run, as means over replications with 95% intervals; comparisons pair replications by
    seed. Their definitions are ${sectionRef('metrics', 'listed below')}.
  </dd>
`;

const concepts = () => html`
  <dl class="concepts">${conceptsOfDeciding()} ${conceptsOfMeeting()}</dl>
`;

const initialisation = () => html`
  <p>
    The station starts with ${paramWithDefault('initialDrivers')} active drivers whose tenures are
    spread over two years, and no backlog. Their reservation wages come from the lower part of the
    outside-wage distribution, the people the pay suits. Everything else about a driver (free days,
    hours wanted, app-check speed, productivity, no-show propensity) is drawn from the seed. Before
    week 1 a warm-up of 26 weeks runs under the status quo (the baseline's parameters, without the
    calendar peaks or demand trend), so that week 1 starts from a steady state: a comparison's
    baseline and scenario start from the same warmed drivers and backlog, and the levers apply from
    week 1. The run settings, seed (default ${SETTINGS.seed.default}), weeks and replications
    (default ${SETTINGS.replications.default}), are part of every scenario.
  </p>
`;

const input = () => html`
  <p>
    The model reads no external data series. Its only inputs are the ${PARAMS.length}
    ${sectionRef('parameters', 'parameters')} and the run settings; the demand calendar (weekday
    pattern, the July and holiday peaks, scaled by ${paramRef('peakIntensity')}, and a trend,
    ${paramRef('demandTrend')}) is built in. To model your own station, replace the defaults with
    its figures.
  </p>
`;

/** Submodels of supply and demand: who joins, what is planned, who claims it, surge. */
const submodelsOfSupply = () => html`
  <dt>Entry and onboarding</dt>
  <dd>
    Applicants arrive at random around ${paramRef('applicantsPerWeek')}
    (${defaultOf('applicantsPerWeek')} a week by default), scaled by the advertised net pay over the
    outside wage to the power ${paramRef('supplyElasticity')} and by word of mouth. Those asking
    much more than the advertised net do not apply. Under a ${paramRef('poolCap')} the rest wait;
    onboarding takes ${paramRef('onboardingDays')}, and ${paramRef('activationShare')} of them
    activate.
  </dd>
  <dt>Demand and planning</dt>
  <dd>
    Actual volume = forecast × seasonality × peaks × trend × (1 + error), plus the backlog. Block
    hours = forecast ÷ planned productivity × (1 + ${paramRef('capacityBuffer')}), spread over six
    start slots and five lengths around the typical block length.
  </dd>
  <dt>Release and claiming</dt>
  <dd>
    A reserved wave for drivers in good standing, then the open release, some days ahead
    (${paramRef('releaseLeadDays')}); only some drivers can still take a block offered on the day
    (${paramRef('shortNoticeShare')}). A driver who looks takes the longest open block that fits
    their window and remaining weekly hours and whose expected net hourly pay is at least their
    reservation wage times a daily noise factor (${paramRef('wageNoise')}). Looking for work costs
    unpaid minutes (${paramRef('searchMinutes')}); a driver who wanted work and got none adds to
    their frustration.
  </dd>
  <dt>Surge and fallback</dt>
  <dd>
    With ${paramRef('surgeEnabled')}, each re-offer adds ${paramRef('surgeStep')} of base pay, up to
    ${paramRef('surgeCap')}. Unfilled at start, a block's packages go to the fallback carrier
    (${paramRef('fallbackCostPerPackage')}, within ${paramRef('fallbackCapacity')}) or roll over to
    tomorrow.
  </dd>
`;

/** Submodels of the work: the blocks worked, the pay and cost, and who leaves. */
const submodelsOfWork = () => html`
  <dt>Execution</dt>
  <dd>
    Some claimed blocks go unworked (${paramRef('noShowRate')}, more often the further ahead a block
    was claimed), and each no-show is a strike; enough recent strikes
    (${paramRef('strikesToDeactivate')}) deactivate the driver. Drivers wait to load
    (${paramRef('loadMinutes')}, longer when many blocks start at once), then deliver at their own
    pace (${paramRef('productivity')}); some attempts fail (${paramRef('failedAttemptRate')}) and
    are tried again the next day. A route longer than the block runs over, unpaid, up to
    ${paramRef('maxOverrunHours')}; the rest comes back late. First-party packages are loaded first
    when routes run short (${paramRef('firstPartyPriority')}). A route that needs a pace above
    ${paramRef('safePace')} counts as unsafe.
  </dd>
  <dt>Pay and cost</dt>
  <dd>
    Drivers are paid for every scheduled block hour (${paramRef('payPerHour')}), plus surge and tips
    (${paramRef('tipsPerHour')}); an early finish keeps the full pay. Their net takes off the cost
    of driving (${paramRef('vehicleCostPerMile')} times ${paramRef('milesPerHour')}). The operator
    pays the drivers, the fallback carrier and an overhead per block
    (${paramRef('stationOverheadPerBlock')}).
  </dd>
  <dt>Beliefs and churn</dt>
  <dd>
    Each week a driver leaves with a hazard of ${paramRef('baseChurn')}, plus
    ${paramRef('wageGapChurn')} per unit their believed net falls short of what they need, plus
    ${paramRef('frustrationChurn')} for recent frustration and ${paramRef('overrunChurn')} for
    recent unpaid overruns. Strikes fade over about a month.
  </dd>
`;

const submodels = () => html`
  <dl class="submodels">${submodelsOfSupply()} ${submodelsOfWork()}</dl>
  <p class="aside">
    The behavioural constants without a published value were tuned so the default scenario sits near
    a steady state (over ${SETTINGS.weeks.default} weeks the pool moves by less than about 15%,
    blocks fill, packages arrive on time, drivers net $17–21 an hour); their sources say “tuned”
    where that is so. Tuned values are starting points, not findings.
  </p>
`;

const limits = () => html`
  <ul>
    <li>Routing geometry: a route is a number of packages at a pace, not addresses and roads.</li>
    <li>Several stations sharing one pool of drivers (one station per run).</li>
    <li>Drivers working for other apps on the same day, beyond the outside wage they need.</li>
    <li>Competitors reacting to the operator's pay.</li>
    <li>Weather, traffic and other shocks beyond the forecast error and the peak calendar.</li>
    <li>
      Learning by the operator: planning rules stay as set; nothing re-tunes pay or buffers during a
      run.
    </li>
    <li>Customers' reactions to late packages (demand does not fall when service worsens).</li>
  </ul>
`;

/** Prose of the sections that have it, by section id. */
export const PROSE: Readonly<Record<string, () => TemplateResult>> = {
  purpose,
  entities,
  process,
  concepts,
  initialisation,
  input,
  submodels,
  limits,
};
