/**
 * The day's demand and plan (MODEL.md steps 2 and 3): today's package volume (a forecast
 * error around the seasonal forecast, a share from marketplace sellers), and the blocks of
 * each type planned from the forecast plus the backlog, some of them reserved.
 */
import { demandMultiplier } from './calendar';
import { P } from './constants';
import { normalQuantile, stochasticRound, uniform } from './random';
import { F } from './record';
import { planSplit } from './experiment';
import { tallyLengths } from './slices';
import { at, dayStream, type SimState } from './state';

/** Steps 2 and 3: today's volume, and blocks planned from the forecast plus the backlog. */
export function demandAndPlan(s: SimState, d: number): void {
  const { p, bt } = s;
  peakPay(s, d);
  const mult = demandMultiplier(d, p.startWeek, p.peakIntensity, p.demandTrend);
  const forecast = p.demandPerDay * mult;
  const err = p.forecastError * normalQuantile(uniform(dayStream(s, d, P.demand), 0));
  const fresh = Math.max(0, Math.round(forecast * Math.max(0.05, 1 + err)));
  s.fresh = fresh;
  s.sellers = stochasticRound(fresh * p.sellerShare, uniform(dayStream(s, d, P.seller), 0));
  s.rec[at(s, F.demand, d)] = fresh;
  s.rec[at(s, F.sellerDemand, d)] = s.sellers;
  s.ledger.demand += fresh;

  const backlog = s.backlog;
  const need = Math.max(0, (forecast + backlog) * (1 + p.capacityBuffer));
  const sPlan = dayStream(s, d, P.planRound);
  let offered = 0;
  let planned = 0;
  let capacity = 0;
  for (let t = 0; t < bt.count; t++) {
    const n = stochasticRound((need * bt.weight[t]) / bt.cap[t], uniform(sPlan, t));
    s.typeOpen[t] = n;
    s.typeReserved[t] = Math.floor(n * p.reservedShare);
    offered += n;
    if (n > 0) planned |= 1 << t;
    capacity += n * bt.cap[t];
  }
  s.plannedMask = planned;
  s.rec[at(s, F.blocksOffered, d)] = offered;
  tallyLengths(s, d, F.offeredLen0, s.typeOpen);
  // The fresh need: the forecast's share of the route capacity planned, forecast x (1 + buffer)
  // as the plan rounded it; the rest of the plan is for the backlog.
  s.rec[at(s, F.needCapacity, d)] = forecast > 0 ? (capacity * forecast) / (forecast + backlog) : 0;
}

/** Today's pay: in a calendar peak week, base pay and the offered nets carry `peakPayPremium`. */
function peakPay(s: SimState, d: number): void {
  const peak = d >= 0 && s.peakWeek[(d / 7) | 0] === 1;
  const m = peak ? 1 + s.p.peakPayPremium : 1;
  s.payToday = s.p.payPerHour * m;
  s.baseNetToday = s.baseNet + s.p.payPerHour * (m - 1);
  s.waveNet = peak ? s.waveNetPeak : s.waveNetOff;
  s.groupNet = peak ? s.groupNetPeak : s.groupNetOff;
  if (s.xSplit !== 0) planSplit(s, d, peak);
}
