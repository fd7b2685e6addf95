/**
 * The engine as one module for Node's worker threads: esbuild bundles an entry (a worker, or
 * the engine itself for the bench) with everything it imports, and the thread loads it from
 * a data: URL. Loaded module by module through tsx instead, an imported name is a live
 * binding that V8 loads and checks at every use, and a quarter metro ran 11% more
 * instructions than the same engine bundled (docs/ARCHITECTURE.md, "The runner's engine is
 * bundled"). Bundling takes about 0.2 s, once per entry and process.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const bundles = new Map<string, URL>();

/**
 * A data: URL holding `entry` (a file URL of a TypeScript module) bundled as an ES module for
 * Node 20, with an inline source map so that a stack trace names the TypeScript source (run
 * the thread with `--enable-source-maps`). Throws, naming the entry and esbuild's first
 * error, when it cannot be bundled.
 */
export function nodeBundle(entry: URL): URL {
  const known = bundles.get(entry.href);
  if (known) return known;
  const path = fileURLToPath(entry);
  let code: string;
  try {
    const out = buildSync({
      entryPoints: [path],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Constants folded into their uses, as Vite's production build does for the browser.
      minifySyntax: true,
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
    });
    code = out.outputFiles[0].text;
  } catch (error) {
    const failure = error as { errors?: { text: string }[]; message?: string };
    const first = failure.errors?.[0]?.text ?? failure.message ?? String(error);
    throw new Error(`the engine could not be bundled from ${path}: ${first}`);
  }
  const url = new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  bundles.set(entry.href, url);
  return url;
}
