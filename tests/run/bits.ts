/**
 * The exact bits of every number in a result (typed arrays and plain numbers alike), in a
 * stable order, so two results can be compared to the last bit.
 */
export function bits(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v instanceof Float64Array) {
      out.push(`${path}:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`);
    } else if (typeof v === 'number') {
      const b = new Float64Array([v]);
      out.push(`${path}:${Buffer.from(b.buffer).toString('hex')}`);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v).sort())
        walk((v as Record<string, unknown>)[k], `${path}.${k}`);
    } else {
      out.push(`${path}:${String(v)}`);
    }
  };
  walk(value, '');
  return out.join('\n');
}
