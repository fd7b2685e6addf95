/**
 * The engine's Web Worker: exposes the engine through Comlink, and nothing else but its
 * heartbeats (one when loaded, then a few a second while it runs; src/run/liveness.ts).
 * The protocol is src/model/contract.ts; what a request does is src/run/engine-service.ts.
 */
import { expose } from 'comlink';
import { runReplication } from '../src/sim/engine';
import { createEngineService, heartbeat } from '../src/run/engine-service';

/** This worker's scope, typed for what it uses (the project's lib is DOM's). */
const scope = self as unknown as { postMessage(message: unknown): void; close(): void };
const beat = (span: number) => scope.postMessage(heartbeat(span));

/** Tests of silent deaths only: note the moment on a test channel, then close for good. */
const closeSelf = () => {
  new BroadcastChannel('gigsim-test-faults').postMessage(Date.now());
  scope.close();
};

expose(createEngineService(runReplication, { beat, closeSelf }));
beat(0);
