/**
 * The root-cause drills' Web Worker: simulates a drill's station history (one replication with
 * its hidden change, src/run/drill-history.ts) off the page's main thread, through Comlink.
 * src/run/drill-runner.ts starts it, one per drill, and terminates it to cancel.
 */
import { expose } from 'comlink';
import { drillHistory } from '../src/run/drill-history';

expose({ drillHistory });
