// Starts a TypeScript worker thread: registers tsx's loader in this thread, then imports the
// entry named in workerData. (Node 20 cannot start a worker on a .ts file directly, and
// `execArgv: ['--import', 'tsx']` registers the loader too late for the worker's entry.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
