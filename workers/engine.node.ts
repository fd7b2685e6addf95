/**
 * The engine's worker thread for Node (the headless runner and tests): the same service as
 * the Web Worker, exposed through Comlink's Node adapter on the thread's parent port.
 * Started through workers/node-bootstrap.mjs, which lets Node load TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runReplication } from '../src/sim/engine';
import { createEngineService } from '../src/run/engine-service';

if (!parentPort) throw new Error('workers/engine.node.ts runs as a worker thread');
expose(createEngineService(runReplication), nodeEndpoint(parentPort));
