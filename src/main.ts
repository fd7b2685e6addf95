import './ui/app/gig-app';
import { armSilentDeathForTests } from './run/engine-worker';

// FOR TESTS ONLY: with `test-faults` in the address's query, the page exposes fault injection
// (tests/e2e/reliability.test.ts): `gigsimTestFaults.dieSilently(n)` makes the next n runs
// close their worker without a word. Without the flag nothing is exposed.
if (new URLSearchParams(location.search).has('test-faults')) {
  Object.assign(globalThis, { gigsimTestFaults: { dieSilently: armSilentDeathForTests } });
}
