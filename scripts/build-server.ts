import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/*
 * The production build of the server and the command line: esbuild bundles server/cli/main.ts (with
 * server/ and shared/) into dist/, leaving every npm package external, so `planwatch` starts without
 * compiling TypeScript. Development (`npm run dev`, tests of the sources) keeps running them with tsx.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST_DIR = path.join(ROOT, 'dist');
export const DIST_ENTRY = path.join(DIST_DIR, 'planwatch.js');

/**
 * npm packages stay in node_modules and load from there, except Kysely: its 280 small ES modules cost
 * about 0.3 s of module loading at every start, bundled they cost a few milliseconds. It is safe to
 * bundle because no external package imports it (a package that others import too, like zod, must
 * stay external or the two copies would not recognise each other's objects).
 */
const BUNDLED_PACKAGES = new Set(['kysely']);
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const EXTERNAL = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED_PACKAGES.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/**
 * Sources find files next to them (`import.meta.dirname` + '../../fixtures/…', the package.json, the
 * built web client). In the bundle every module shares dist/'s import.meta, so each module's
 * `import.meta.dirname` is replaced by its source folder, rebuilt from where the bundle lies: the same
 * path as when the sources run, wherever the checkout is.
 */
const sourceDirname: Plugin = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.dirname')) return { contents: text, loader: 'ts' };
      const fromDist = path.relative(DIST_DIR, path.dirname(args.path)).split(path.sep).join('/');
      const dirname = `__planwatchPath.join(import.meta.dirname, ${JSON.stringify(fromDist)})`;
      return {
        contents: `import __planwatchPath from 'node:path';\n${text.replaceAll('import.meta.dirname', dirname)}`,
        loader: 'ts',
      };
    });
  },
};

/**
 * Builds dist/. Files are written only when their content changed, each through a temporary file and a
 * rename, chunks before the entry that loads them: a test run building while another one's servers
 * start never lets them read a half-written file (and the same sources give the same files, so
 * nothing is rewritten then).
 */
export async function buildServer(): Promise<{ ms: number; written: number }> {
  const started = performance.now();
  const result = await build({
    entryPoints: { planwatch: path.join(ROOT, 'server/cli/main.ts') },
    outdir: DIST_DIR,
    bundle: true,
    splitting: true,
    // Chunks beside the entry: the import.meta.dirname rewrite counts from dist/ itself.
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    plugins: [sourceDirname],
  });
  const entryFirst = (f: { path: string }) => (f.path.startsWith(`${DIST_ENTRY}`) ? 1 : 0);
  let written = 0;
  for (const file of [...result.outputFiles].sort((a, b) => entryFirst(a) - entryFirst(b))) {
    let old: string | null = null;
    try {
      old = readFileSync(file.path, 'utf8');
    } catch {}
    if (old === file.text) continue;
    mkdirSync(path.dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written++;
  }
  // Chunks of an earlier build (their names carry their content's hash) would otherwise pile up.
  const current = new Set(result.outputFiles.map((f) => path.basename(f.path)));
  for (const name of readdirSync(DIST_DIR)) {
    if (!current.has(name) && !name.endsWith('.tmp')) rmSync(path.join(DIST_DIR, name), { force: true });
  }
  return { ms: Math.round(performance.now() - started), written };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const r = await buildServer();
  console.log(`dist/planwatch.js: ${r.written} tệp được ghi, ${r.ms} ms`);
}
