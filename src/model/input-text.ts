/**
 * Input hygiene shared by every way in (runner flags, scenario files, links, saved and imported
 * scenarios, lever fields): what a value looks like when a message quotes it, the one number
 * syntax, and JSON read with bounds on size and nesting, repeated keys refused.
 *
 * - A quoted value is printable and short: control characters (C0, DEL, C1, line and paragraph
 *   separators, bidirectional overrides) and lone surrogates are escaped as \n, \t, \r or \uXXXX,
 *   and at most EXCERPT_CHARS characters are kept, with an ellipsis when cut. So no escape
 *   sequence reaches a terminal and no newline splits a one-line message.
 * - Numbers: plain decimal (sign, digits, point, exponent; en-US thousands separators
 *   "8,000"), surrounding spaces ignored; no hex, binary or octal, no "Infinity", no empty text.
 * - JSON: refused above MAX_JSON_BYTES before parsing, deeper than MAX_JSON_DEPTH (so parsing
 *   cannot recurse without bound), or with a key repeated in one object (JSON.parse would keep
 *   the last silently; the link and the runner refuse a repeated key too).
 */
import type { Parsed } from './scenario';

/** Characters of a value a message quotes, at most (an ellipsis follows when cut). */
export const EXCERPT_CHARS = 60;
/** Largest scenario file or stored scenario text read, in bytes (a scenario is under 5 KB). */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Deepest nesting of JSON read (a scenario file nests 2 levels, the saved store 5). */
export const MAX_JSON_DEPTH = 16;
/** Longest link (hash) read, in characters (every lever on both sides is under 8,000). */
export const MAX_LINK_CHARS = 64 * 1024;

// Control characters, DEL, C1, line/paragraph separators, bidi marks and overrides, BOM.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const lone = ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
  if (!lone && !UNPRINTABLE.test(ch)) return ch;
  return NAMED[ch] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` as a message may quote it: unprintable characters escaped, at most `max` characters
 * (counted after escaping) with "…" when cut. Reads only the start of a long text.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  let out = '';
  for (const ch of text) {
    const e = escapeChar(ch);
    if (out.length + e.length > max) return `${out}…`;
    out += e;
  }
  return out;
}

/** A value quoted in a message: `"…"` around its excerpt. */
export function quoted(text: string, max = EXCERPT_CHARS): string {
  return `"${excerpt(text, max)}"`;
}

/** A whole message made printable on one line (no cut below `max` characters). */
export function oneLine(message: string, max = 400): string {
  return excerpt(message, max);
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * The number a text is written as, or undefined when it is not a plain decimal number. Accepts
 * surrounding spaces, a sign, decimals, exponents and en-US thousands separators ("8,000");
 * rejects empty text, hex, binary, octal, "Infinity" and anything else `Number()` would quietly
 * accept. The one number syntax of the runner, the link and the lever fields.
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (t.length > 400) return undefined;
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ''));
  if (!NUMBER_TEXT.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** A text as a number where it is one, else the text itself (so validation names it). */
export function numberOrText(text: string): number | string {
  return parseDecimal(text) ?? text;
}

interface Frame {
  readonly keys: Set<string> | undefined;
  expectKey: boolean;
}

/** The index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let k = start + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5c) k++;
    else if (c === 0x22) return k;
  }
  return -1;
}

/** A key's text as JSON.parse would read it (undefined if malformed: JSON.parse says why). */
function keyText(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with the shape of a JSON text before it is parsed: nesting deeper than
 * `maxDepth`, or a key repeated in one object. Iterative and linear; malformed JSON is left for
 * JSON.parse to describe.
 */
export function jsonShapeError(text: string, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: Frame[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) {
        return `it nests deeper than ${maxDepth} levels (a scenario nests 2)`;
      }
      stack.push({ keys: c === '{' ? new Set() : undefined, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top?.keys) {
      top.expectKey = true;
    } else if (c === ':' && top) {
      top.expectKey = false;
    } else if (c === '"') {
      const end = stringEnd(text, k);
      if (end < 0) return undefined;
      if (top?.keys && top.expectKey) {
        const key = keyText(text.slice(k, end + 1));
        if (key !== undefined && top.keys.has(key)) {
          return `the key ${quoted(key)} appears more than once in one object`;
        }
        if (key !== undefined) top.keys.add(key);
        top.expectKey = false;
      }
      k = end;
    }
  }
  return undefined;
}

/**
 * Parses a JSON text within the bounds above. The error is short and printable: JSON.parse's
 * own message quotes the text, and is cut to an excerpt here.
 */
export function parseJson(
  text: string,
  maxDepth = MAX_JSON_DEPTH,
  maxChars = MAX_JSON_BYTES,
): Parsed<unknown> {
  if (text.length > maxChars) {
    return { ok: false, error: `it is over ${Math.round(maxChars / 1024)} KB` };
  }
  const shape = jsonShapeError(text, maxDepth);
  if (shape !== undefined) return { ok: false, error: shape };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/, '')) as unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `it is not JSON (${excerpt(why)})` };
  }
}
