/**
 * How a part of the app other than the workspace runs a comparison. The type lives in
 * src/model/contract.ts (the explorer in src/run uses it too); it is re-exported here so
 * that the UI's imports keep working.
 */
export type { CompareRunner } from '../../model/contract';
