/**
 * Where the day's packages end up (docs/MODEL.md, steps 6 to 8). The station protects today's
 * promises: packages due today are loaded first, and late ones (oldest first) fill the room
 * left. Fresh packages no route can take go to the fallback carrier within its daily capacity
 * or wait for tomorrow; a package that has waited MAX_WAIT_DAYS goes to the fallback carrier
 * then, so the backlog stays bounded and a shortfall costs on-time packages in proportion to
 * it, not a queue that starves every later day. Deliveries split into on time and late, and
 * marketplace packages are left off first.
 */
import { noShowsAndQueue } from './no-shows';
import { F } from './record';
import { routes } from './routes';
import { at, type SimState } from './state';

/** Takes up to `n` packages from the backlog, oldest first; returns how many it took. */
export function loadBacklog(age: Float64Array, n: number): number {
  let taken = 0;
  for (let a = age.length - 1; a >= 0 && taken < n; a--) {
    const k = Math.min(age[a], n - taken);
    age[a] -= k;
    taken += k;
  }
  return taken;
}

/**
 * Ages the backlog by a day: what was not loaded today waits one day more, except what has
 * waited the longest, which is handed to the fallback carrier (returned). Fresh packages that
 * missed today start at one day; backlog packages loaded but not delivered (failed attempts,
 * returns) get one last try tomorrow.
 */
export function ageBacklog(age: Float64Array, missedFresh: number, retry: number): number {
  const last = age.length - 1;
  const agedOut = age[last];
  for (let a = last; a > 0; a--) age[a] = age[a - 1];
  age[0] = missedFresh;
  age[last] += retry;
  return agedOut;
}

/**
 * Steps 6–8 for packages: what showed up is loaded (today's packages first, then the
 * backlog), the rest goes to the fallback carrier within its capacity or waits, late, up to
 * MAX_WAIT_DAYS; deliveries split into on time
 * and late in proportion to what was loaded; marketplace packages are left off first in
 * proportion to the first-party priority.
 */
export function execute(s: SimState, d: number): void {
  const { p, rec } = s;
  const capacity = noShowsAndQueue(s, d);
  const fresh = s.fresh;
  const loaded = Math.min(s.backlog + fresh, capacity);
  const freshLoaded = Math.min(fresh, loaded);
  const backlogLoaded = loadBacklog(s.backlogAge, loaded - freshLoaded);
  const freshUnloaded = fresh - freshLoaded;
  const toFallback = Math.min(freshUnloaded, s.fallbackDaily);
  const rolledFresh = freshUnloaded - toFallback;
  const delivered = routes(s, d, loaded, capacity);
  const backlogDelivered = loaded > 0 ? Math.round((delivered * backlogLoaded) / loaded) : 0;
  const onTime = delivered - backlogDelivered;
  const freshRouteMiss = freshLoaded - onTime;
  const agedOut = ageBacklog(
    s.backlogAge,
    rolledFresh + freshRouteMiss,
    backlogLoaded - backlogDelivered,
  );

  const sellers = s.sellers;
  const share = fresh > 0 ? sellers / fresh : 0;
  const q = Math.min(1, share + p.firstPartyPriority * (1 - share));
  const sellerUnloaded = Math.min(sellers, Math.round(freshUnloaded * q));
  const sellerFallback =
    freshUnloaded > 0 ? Math.round((toFallback * sellerUnloaded) / freshUnloaded) : 0;
  const sellerLoaded = sellers - sellerUnloaded;
  const sellerRouteMiss =
    freshLoaded > 0 ? Math.round((freshRouteMiss * sellerLoaded) / freshLoaded) : 0;
  rec[at(s, F.onTime, d)] = onTime;
  rec[at(s, F.sellerOnTime, d)] = sellers - (sellerUnloaded - sellerFallback) - sellerRouteMiss;
  rec[at(s, F.fallback, d)] = toFallback;
  rec[at(s, F.lateDelivered, d)] = backlogDelivered;
  rec[at(s, F.missed, d)] = rolledFresh + freshRouteMiss;
  rec[at(s, F.agedOut, d)] = agedOut;
  rec[at(s, F.backlogEnd, d)] = s.backlog;
  rec[at(s, F.fallbackCost, d)] = (toFallback + agedOut) * p.fallbackCostPerPackage;
  rec[at(s, F.overheadCost, d)] = rec[at(s, F.blocksWorked, d)] * p.stationOverheadPerBlock;
  missLedger(s, d, freshUnloaded, capacity, freshRouteMiss);
  s.ledger.deliveredOnTime += onTime;
  s.ledger.deliveredLate += backlogDelivered;
  s.ledger.fallback += toFallback + agedOut;
}

/**
 * Why the day's fresh packages missed (the record's ledger that src/model/why.ts reads). Those
 * no route had room for (`unloaded`, capacity short of the fresh volume) by cause: the plan
 * short of the volume, blocks left unfilled, no-shows; when the plan alone had room, the
 * shortfall is shared between unfilled blocks and no-shows in proportion to the capacity each
 * took away. Those loaded but not delivered (`routeMiss`) split between failed attempts and
 * returns from overrunning routes in proportion to the day's counts of each.
 */
function missLedger(
  s: SimState,
  d: number,
  unloaded: number,
  capacity: number,
  routeMiss: number,
): void {
  const rec = s.rec;
  let unfilled = 0;
  let noShow = 0;
  let plan = 0;
  if (unloaded > 0) {
    const u = rec[at(s, F.unfilledCapacity, d)];
    const n = rec[at(s, F.noShowCapacity, d)];
    const short = s.fresh - (capacity + u + n);
    if (short >= 0) {
      plan = short;
      unfilled = u;
      noShow = unloaded - short - u;
    } else {
      unfilled = (unloaded * u) / (u + n);
      noShow = unloaded - unfilled;
    }
  }
  rec[at(s, F.unloadedUnfilled, d)] = unfilled;
  rec[at(s, F.unloadedNoShow, d)] = noShow;
  rec[at(s, F.unloadedPlan, d)] = plan;
  const failed = rec[at(s, F.failed, d)];
  const both = failed + rec[at(s, F.returned, d)];
  const freshFailed = routeMiss > 0 && both > 0 ? (routeMiss * failed) / both : 0;
  rec[at(s, F.freshFailed, d)] = freshFailed;
  rec[at(s, F.freshReturned, d)] = routeMiss - freshFailed;
}
