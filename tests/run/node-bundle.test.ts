import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBundle } from '../../src/run/node-bundle';

const dir = mkdtempSync(join(tmpdir(), 'gigsim-node-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the runner’s engine bundle', () => {
  it('holds the engine with what it imports, as one module that gives the same numbers', async () => {
    const url = nodeBundle(new URL('../../src/sim/engine.ts', import.meta.url));
    expect(url.protocol).toBe('data:');
    expect(nodeBundle(new URL('../../src/sim/engine.ts', import.meta.url))).toBe(url); // once
    const bundled = (await import(url.href)) as typeof import('../../src/sim/engine');
    const direct = await import('../../src/sim/engine');
    const { STATION } = await import('../../bench/configs');
    const scenario = { ...STATION, weeks: 4 };
    const a = bundled.runReplication(scenario, 3, {}, new bundled.WarmupCache(0));
    const b = direct.runReplication(scenario, 3, {}, new direct.WarmupCache(0));
    expect([...a.weekly]).toEqual([...b.weekly]);
    expect(a.weekly.length).toBeGreaterThan(0);
  });

  it('names the file and the error when the entry cannot be bundled', () => {
    const broken = join(dir, 'broken.ts');
    writeFileSync(broken, 'export const x = ;\n');
    expect(() => nodeBundle(pathToFileURL(broken))).toThrow(
      /the engine could not be bundled from .*broken\.ts: Unexpected ";"/,
    );
  });
});
