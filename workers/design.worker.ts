/**
 * The global design's report worker: computes a design's report from its jobs' results
 * (src/run/design-output.ts) off the page's main thread, through Comlink. Started by
 * src/run/design-browser.ts once a design's jobs are done, and ended when it answers.
 */
import { expose } from 'comlink';
import { designOutputBlobs } from '../src/run/design-output';

expose({ designOutputBlobs });
