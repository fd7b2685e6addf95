/**
 * Drill codes (docs/PRACTICE.md): a seed and a template in eight characters that do not give
 * the template away (a bijective scramble of 40 bits, in Crockford's base 32), and the drill of
 * the day, a code from the date. Pure integer arithmetic: the same code everywhere.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Templates a code can hold (5 bits) and seeds (35 bits). */
const TEMPLATE_BITS = 5;
const SEED_LIMIT = 2 ** 35;
const MASK = 2n ** 40n - 1n;
const MULT = 0x9e3779b1n; // odd, so invertible modulo 2^40
const MULT_INV = inverse(MULT);

function inverse(a: bigint): bigint {
  // Newton's iteration for the inverse of an odd number modulo 2^40.
  let x = a;
  for (let k = 0; k < 6; k++) x = (x * (2n - a * x)) & MASK;
  return x;
}

function scramble(n: bigint): bigint {
  let x = n ^ (n >> 20n);
  x = (x * MULT) & MASK;
  return x ^ (x >> 20n);
}

function unscramble(x: bigint): bigint {
  let n = x ^ (x >> 20n);
  n = (n * MULT_INV) & MASK;
  return n ^ (n >> 20n);
}

/** The code of template `template` (its index) with seed `seed` (0 ≤ seed < 2^35). */
export function encodeDrill(template: number, seed: number): string {
  if (!Number.isInteger(template) || template < 0 || template >= 2 ** TEMPLATE_BITS) {
    throw new Error(`template index ${template} out of range`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= SEED_LIMIT) {
    throw new Error(`drill seed ${seed} out of range`);
  }
  let x = scramble((BigInt(seed) << BigInt(TEMPLATE_BITS)) | BigInt(template));
  let out = '';
  for (let k = 0; k < 8; k++) {
    out = ALPHABET[Number(x & 31n)] + out;
    x >>= 5n;
  }
  return out;
}

/** The template index and seed of a code (case, spaces and dashes ignored), or undefined. */
export function decodeDrill(code: string): { template: number; seed: number } | undefined {
  const clean = code.toUpperCase().replace(/[\s-]/g, '');
  if (clean.length !== 8) return undefined;
  let x = 0n;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch === 'O' ? '0' : ch === 'I' || ch === 'L' ? '1' : ch);
    if (v < 0) return undefined;
    x = (x << 5n) | BigInt(v);
  }
  const n = unscramble(x);
  return { template: Number(n & 31n), seed: Number(n >> BigInt(TEMPLATE_BITS)) };
}

/** A 32-bit hash of a text (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The drill of the day for a date (YYYY-MM-DD, as the UTC date is written): the same code for
 * everyone that day, its template cycling through all `templates` before one comes again.
 */
export function drillOfTheDay(date: string, templates: number): string {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  if (!Number.isFinite(day)) throw new Error(`not a date: ${date}`);
  const template = ((day % templates) + templates) % templates;
  return encodeDrill(template, hash(date) % SEED_LIMIT);
}
