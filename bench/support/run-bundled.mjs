// Runs a bench the way production runs the bot: our TypeScript bundled by esbuild (as functions/build.mjs
// bundles the deployed function), on plain node, with no loader hooks. Under `tsx` every require() goes
// through tsx's resolve hook (the Firestore SDK requires 'google-gax/fallback' at each commit and tsx
// re-resolves it each time, with stat calls and package.json reads) and every function is wrapped by
// keepNames' `__name()`: costs the deployed bundle never pays.
// Usage: node bench/support/run-bundled.mjs bench/<name>.ts [args…]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bench/support/run-bundled.mjs bench/<name>.ts [args…]');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// inside the repository, so the packages left external resolve from its node_modules as usual
const outDir = join(root, 'node_modules/.cache/phattana-bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`);

/**
 * Our modules find files next to them (the OpenAPI spec, firestore.rules) through `import.meta.url`:
 * in a bundle that would be the bundle's address, so each module keeps its own.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (a) => {
      if (a.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(a.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
        loader: a.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // as deployed: the Firebase and Google Cloud packages (and their gRPC stack) stay node_modules' own
  external: [
    'firebase-admin',
    'firebase-admin/*',
    'firebase-functions',
    'firebase-functions/*',
    '@google-cloud/*',
  ],
  // express, the LINE SDK and the rest are CommonJS; give the ESM bundle a require() for them
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
});
await stop(); // esbuild's service process: nothing of it stays beside the bench

const child = spawn(process.execPath, [outfile, ...args], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_RUNTIME: `esbuild bundle on plain node ${process.version} (no tsx)` },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
