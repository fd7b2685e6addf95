/**
 * The parameter table: the single source of truth for every number a user can change.
 * The UI builds its levers from it, the URL and scenario files are validated against it,
 * the headless runner reads `--set` through it, and the model page documents it.
 *
 * The rows live in one file per group (params-policy.ts, params-market.ts,
 * params-operations.ts, params-behaviour.ts), written with the builders of param-def.ts; this
 * file assembles them in the order of PARAM_GROUPS and keeps every export the app imports.
 *
 * Ids listed in docs/MODEL.md section 5b are fixed: tests, links and scenario files rely on them.
 */
import type { ParamDef, ParamGroup } from './param-def';
import { BEHAVIOUR_PARAMS } from './params-behaviour';
import { MARKET_PARAMS } from './params-market';
import { OPERATIONS_PARAMS } from './params-operations';
import { POLICY_PARAMS } from './params-policy';

export type { BooleanParamDef, NumberParamDef, ParamDef, ParamGroup } from './param-def';

export const PARAM_GROUPS: readonly { id: ParamGroup; label: string; meaning: string }[] = [
  { id: 'policy', label: 'Policy levers', meaning: 'What the operator decides.' },
  { id: 'market', label: 'Market', meaning: 'Demand and the outside labour market.' },
  { id: 'operations', label: 'Operations', meaning: 'The station and its delivery work.' },
  {
    id: 'behaviour',
    label: 'Driver behaviour',
    meaning: 'How drivers choose, learn and leave; mostly tuned, see the model page.',
  },
];

/** Every parameter, group by group in the order of PARAM_GROUPS. */
export const PARAMS = [
  ...POLICY_PARAMS,
  ...MARKET_PARAMS,
  ...OPERATIONS_PARAMS,
  ...BEHAVIOUR_PARAMS,
] as const satisfies readonly ParamDef[];

export type ParamId = (typeof PARAMS)[number]['id'];

/** The value type of every parameter, keyed by id. */
export type Params = {
  [P in (typeof PARAMS)[number] as P['id']]: P['kind'] extends 'boolean' ? boolean : number;
};

export const PARAM_BY_ID: ReadonlyMap<string, ParamDef> = new Map(
  (PARAMS as readonly ParamDef[]).map((p) => [p.id, p]),
);

export function defaultParams(): Params {
  const out: Record<string, number | boolean> = {};
  for (const p of PARAMS as readonly ParamDef[]) out[p.id] = p.default;
  return out as Params;
}
