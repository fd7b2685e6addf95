/**
 * Where the day's packages end up (MODEL.md steps 6 to 8): what showed up is loaded (backlog
 * first), the rest goes to the fallback carrier within its capacity or rolls over late;
 * deliveries split into on time and late, and marketplace packages are left off first.
 */
import { noShowsAndQueue } from './no-shows';
import { F } from './record';
import { routes } from './routes';
import { at, type SimState } from './state';

/**
 * Steps 6–8 for packages: what showed up is loaded (backlog first), the rest goes to the
 * fallback carrier within its capacity or rolls over late; deliveries split into on time
 * and late in proportion to what was loaded; marketplace packages are left off first in
 * proportion to the first-party priority.
 */
export function execute(s: SimState, d: number): void {
  const { p, rec } = s;
  const capacity = noShowsAndQueue(s, d);
  const fresh = s.fresh;
  const backlog = s.backlog;
  const loaded = Math.min(backlog + fresh, capacity);
  const backlogLoaded = Math.min(backlog, loaded);
  const freshLoaded = loaded - backlogLoaded;
  const freshUnloaded = fresh - freshLoaded;
  const toFallback = Math.min(freshUnloaded, s.fallbackDaily);
  const rolledFresh = freshUnloaded - toFallback;
  const delivered = routes(s, d, loaded, capacity);
  const backlogDelivered = loaded > 0 ? Math.round((delivered * backlogLoaded) / loaded) : 0;
  const onTime = delivered - backlogDelivered;
  const freshRouteMiss = freshLoaded - onTime;
  s.backlog = backlog - backlogLoaded + rolledFresh + (loaded - delivered);

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
  rec[at(s, F.fallbackCost, d)] = toFallback * p.fallbackCostPerPackage;
  rec[at(s, F.overheadCost, d)] = rec[at(s, F.blocksWorked, d)] * p.stationOverheadPerBlock;
  s.ledger.deliveredOnTime += onTime;
  s.ledger.deliveredLate += backlogDelivered;
  s.ledger.fallback += toFallback;
}
