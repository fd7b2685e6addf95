/**
 * The engine's worker thread for Node (the headless runner and tests): the same service as
 * the Web Worker, exposed through Comlink's Node adapter on the thread's parent port, with the
 * same heartbeats. Loaded bundled, as one module (src/run/node-bundle.ts).
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runReplication } from '../src/sim/engine';
import { createEngineService, heartbeat } from '../src/run/engine-service';

if (!parentPort) throw new Error('workers/engine.node.ts runs as a worker thread');
const port = parentPort;
const beat = (span: number) => port.postMessage(heartbeat(span));
// A silent death in Node (tests only): the thread stops answering and beating, but lives on.
expose(createEngineService(runReplication, { beat }), nodeEndpoint(port));
beat(0);
