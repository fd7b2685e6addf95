/**
 * Generators of inputs for every way in: valid values (each parameter within its range), edge
 * values (its ends, steps off the grid) and hostile ones (other number syntaxes, control
 * characters, prototype names, repeated keys, deep nesting, huge texts).
 */
import fc from 'fast-check';
import { METRICS } from '../../src/model/metrics';
import { PARAMS, type ParamDef } from '../../src/model/params';

export const PARAM_DEFS = PARAMS as readonly ParamDef[];
export const PARAM_IDS = PARAM_DEFS.map((p) => p.id);
const NUMBER_DEFS = PARAM_DEFS.filter((p) => p.kind !== 'boolean');
export const METRIC_IDS = METRICS.map((m) => m.id as string);

/** Names an object inherits: refused as keys everywhere. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
];

/** Texts that carry control characters, escapes, bidi overrides or are just long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    'a\nb',
    '\r\n',
    '\u001b[31mred\u001b[0m',
    '\u001b]0;title\u0007',
    '\u202eevil',
    '\u2028',
    '\u0000',
    '\ud800',
    '\u0085x',
    'x'.repeat(5000),
    ...PROTO_NAMES,
  ),
);

/** Texts of numbers in the one syntax, and in every syntax it refuses. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.constantFrom(
    '0x18',
    '0b11',
    '0o17',
    '017',
    '0X1F',
    '',
    ' ',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '-1e400',
    '1e-400',
    '1_000',
    '24$',
    '+24',
    '.5',
    '5.',
    '8,000',
    '1,00',
    ' 24 ',
    '24\n',
    '2 4',
    '٢٤',
    '２４',
    'true',
    'null',
  ),
);

/** A parameter's value as text: mostly within its range, sometimes on its ends or beyond. */
export function paramValueText(def: ParamDef): fc.Arbitrary<string> {
  if (def.kind === 'boolean') {
    return fc.oneof(fc.constantFrom('true', 'false'), fc.constantFrom('1', '0', 'yes', ''));
  }
  const inRange =
    def.kind === 'integer'
      ? fc.integer({ min: def.min, max: def.max })
      : fc.double({ min: def.min, max: def.max, noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: inRange.map(String) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(def.min, def.max, def.min - def.step, def.max + def.step)
        .map(String),
    },
    { weight: 1, arbitrary: numberText },
  );
}

/** A parameter's value as text, within its range (its ends included). */
export function validValueText(def: ParamDef): fc.Arbitrary<string> {
  if (def.kind === 'boolean') return fc.constantFrom('true', 'false');
  const inRange =
    def.kind === 'integer'
      ? fc.integer({ min: def.min, max: def.max })
      : fc.double({ min: def.min, max: def.max, noNaN: true });
  return fc.oneof(inRange, fc.constantFrom(def.min, def.max)).map(String);
}

/** A parameter id: a real one, a prototype name or hostile text. */
export const paramId: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PARAM_IDS) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: hostileText },
);

/** `id=value` for `--set` and links: the value usually fits the id's kind. */
export const setPair: fc.Arbitrary<[string, string]> = paramId.chain((id) => {
  const def = PARAM_DEFS.find((p) => p.id === id);
  return (def ? paramValueText(def) : numberText).map((v): [string, string] => [id, v]);
});

/** A number parameter within its range, for sweeps. */
export const sweepText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...NUMBER_DEFS),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 60 }),
    )
    .map(
      ([d, a, b, n]) =>
        `${d.id}=${d.min + a * (d.max - d.min)}:${d.min + b * (d.max - d.min)}:${n}`,
    ),
  fc
    .tuple(paramId, numberText, numberText, numberText)
    .map(([id, a, b, n]) => `${id}=${a}:${b}:${n}`),
  hostileText,
);

/** JSON texts a scenario file or a saved store may hold, valid or not. */
export const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 50_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.constantFrom(...PROTO_NAMES).map((k) => `{"version":1,"${k}":1}`),
  fc.constantFrom(...PROTO_NAMES).map((k) => `{"params":{"${k}":1}}`),
  fc.constantFrom('seed', 'weeks', 'version', 'params').map((k) => `{"${k}":1,"${k}":2}`),
  fc.constantFrom(...PARAM_IDS).map((id) => `{"params":{"${id}":1,"${id}":1}}`),
  hostileText,
  hostileText.map((t) => `{"version":1,${JSON.stringify(t)}:1}`),
  hostileText.map((t) => `{"version":1,"seed":${JSON.stringify(t)}}`),
  fc.constantFrom(`{"version":1,"seed":1,"weeks":2,"replications":2,"params":{}}`, '\ufeff{}'),
);

/** A link's `key=value` entries: real keys with fitting or hostile values, and hostile keys. */
const linkKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PARAM_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PARAM_IDS).map((id) => `b.${id}`) },
  { weight: 2, arbitrary: fc.constantFrom('seed', 'weeks', 'replications', 'chart', 'metric') },
  { weight: 1, arbitrary: fc.constantFrom(...METRIC_IDS).map((id) => `t.${id}`) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES, 'b.__proto__', 't.toString') },
  { weight: 1, arbitrary: hostileText },
);

/** Percent-encoded where it can be (a lone surrogate cannot: left as it is). */
function encode1(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

export const linkText: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.tuple(
        linkKey,
        fc.oneof(numberText, hostileText, fc.constantFrom('weekly', 'pool', 'fillRate')),
      ),
      { maxLength: 6 },
    )
    .chain((pairs) =>
      fc.boolean().map((encode) => {
        const e = encode ? encode1 : (t: string) => t;
        return `#${pairs.map(([k, v]) => `${e(k)}=${e(v)}`).join('&')}`;
      }),
    ),
  hostileText,
  fc.integer({ min: 60_000, max: 200_000 }).map((n) => `#seed=${'1'.repeat(n)}`),
);
