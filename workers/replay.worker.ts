/**
 * The replay's Web Worker (issue 19): exposes src/run/replay-service.ts through Comlink.
 * Started by src/run/replay-runner.ts only when a replay is asked for.
 */
import { expose } from 'comlink';
import { createReplayService } from '../src/run/replay-service';

expose(createReplayService());
