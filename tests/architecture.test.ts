/**
 * The folder rules of docs/ARCHITECTURE.md are enforced by ESLint (eslint.config.js). These
 * tests lint small fixtures as if they sat at a given path, to prove the rules bite on each
 * kind of forbidden import and stay quiet on the allowed ones.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages of one ESLint rule for `code` placed at `path` (relative to the repo). */
async function messages(rule: string, path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${root}${path}` });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

/** The restricted-import messages ESLint gives `code` placed at `path`. */
function violations(path: string, code: string): Promise<string[]> {
  return messages('no-restricted-imports', path, code);
}

/** A function of `n` statements, each on its own line, plus its first, second and last lines. */
function functionOf(n: number): string {
  const body = Array.from({ length: n }, (_, k) => `  total += ${k};`).join('\n');
  return `export function f(): number {\n  let total = 0;\n${body}\n  return total;\n}`;
}

describe('the import boundaries', () => {
  it('refuse a mode importing from another mode, with a message that says where to move it', async () => {
    const found = await violations(
      'src/ui/practice/fixture.ts',
      "import { ExplorerView } from '../explore/explorer-view';",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/never imports from another mode.*src\/ui\/shared/);
  });

  it('refuse a mode importing from the app shell', async () => {
    const found = await violations(
      'src/ui/workspace/fixture.ts',
      "import type { GigApp } from '../app/gig-app';",
    );
    expect(found).toHaveLength(1);
  });

  it('let a mode import the shared parts, the charts, its own files, the model and the pool', async () => {
    const found = await violations(
      'src/ui/present/fixture.ts',
      [
        "import { formatValue } from '../charts/chart-data';",
        "import { numberFormat } from '../shared/format';",
        "import { presentationDeck } from './presentation-deck';",
        "import { METRICS } from '../../model/metrics';",
        "import { createBrowserPool } from '../../run/browser';",
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('let the app shell import every mode', async () => {
    expect(await violations('src/ui/app/fixture.ts', "import '../explore/explorer-view';")).toEqual(
      [],
    );
  });

  it('refuse the UI reaching the engine other than through src/run', async () => {
    expect(
      await violations(
        'src/ui/explore/fixture.ts',
        "import { runReplication } from '../../sim/engine';",
      ),
    ).toHaveLength(1);
  });

  it('refuse the shared parts and the charts importing a mode', async () => {
    expect(
      await violations('src/ui/shared/fixture.ts', "import { x } from '../workspace/metric-tree';"),
    ).toHaveLength(1);
    expect(
      await violations('src/ui/shared/fixture.ts', "import { x } from '../charts/chart-data';"),
    ).toHaveLength(1);
    expect(
      await violations('src/ui/charts/fixture.ts', "import { x } from '../explore/explorer-view';"),
    ).toHaveLength(1);
    expect(
      await violations('src/ui/charts/fixture.ts', "import { x } from '../shared/format';"),
    ).toEqual([]);
  });

  it('keep d3 inside the charts', async () => {
    expect(
      await violations('src/ui/workspace/fixture.ts', "import { scaleLinear } from 'd3';"),
    ).toHaveLength(1);
    expect(
      await violations('src/ui/charts/fixture.ts', "import { scaleLinear } from 'd3';"),
    ).toEqual([]);
  });

  it('keep the layers one way: model imports nothing of ours, sim only model, run no UI', async () => {
    expect(
      await violations('src/model/fixture.ts', "import { x } from '../sim/engine';"),
    ).toHaveLength(1);
    expect(await violations('src/sim/fixture.ts', "import { x } from '../run/pool';")).toHaveLength(
      1,
    );
    expect(await violations('src/sim/fixture.ts', "import { x } from '../model/params';")).toEqual(
      [],
    );
    expect(
      await violations('src/run/fixture.ts', "import { x } from '../ui/shared/format';"),
    ).toHaveLength(1);
    expect(await violations('src/sim/fixture.ts', "import { html } from 'lit';")).toHaveLength(1);
  });
});

describe('the size rules', () => {
  it('refuse a function longer than a screen (60 lines), and let one of 60 pass', async () => {
    const rule = 'max-lines-per-function';
    expect(await messages(rule, 'src/ui/shared/fixture.ts', functionOf(57))).toHaveLength(1);
    expect(await messages(rule, 'src/ui/shared/fixture.ts', functionOf(56))).toEqual([]);
  });

  it('refuse a file of more than 400 lines of code, not counting comments', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, k) => `export const c${k} = ${k};`);
    const comment = Array.from({ length: 50 }, (_, k) => `// note ${k}`);
    expect(await messages('max-lines', 'src/sim/fixture.ts', lines(401).join('\n'))).toHaveLength(
      1,
    );
    expect(
      await messages('max-lines', 'src/sim/fixture.ts', [...comment, ...lines(390)].join('\n')),
    ).toEqual([]);
  });
});
