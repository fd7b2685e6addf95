/**
 * The engine's Web Worker: exposes the engine through Comlink, and nothing else.
 * The protocol is src/model/contract.ts; what a request does is src/run/engine-service.ts.
 */
import { expose } from 'comlink';
import { runReplication } from '../src/sim/engine';
import { createEngineService } from '../src/run/engine-service';

expose(createEngineService(runReplication));
