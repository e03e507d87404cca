// Tests and `npm start` must run on the Node major the functions are deployed on (functions/package.json
// `engines`). npm scripts put the `node` devDependency first on PATH, so a system Node of another major
// only runs this when something bypassed npm: say so at once instead of failing somewhere obscure later.
// Plain JavaScript so that it runs on any Node. Also a vitest global setup (the default export).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function checkNode() {
  const pkg = JSON.parse(readFileSync(new URL('../functions/package.json', import.meta.url), 'utf8'));
  const wanted = String(pkg.engines.node);
  const running = process.versions.node.split('.')[0];
  if (running === wanted) return;
  throw new Error(
    `Node ${process.versions.node} (${process.execPath}) runs this, but production runs Node ${wanted} ` +
      `(functions/package.json engines). Run through npm (npm test, npm start, npx vitest): the "node" ` +
      `devDependency is then first on PATH. If node_modules/.bin/node is missing, run npm install again.`,
  );
}

export default function setup() {
  checkNode();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    checkNode();
  } catch (err) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
}
