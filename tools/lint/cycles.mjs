#!/usr/bin/env node
/**
 * Fails when a source file imports itself round a cycle (type-only imports count: they tie two
 * files' designs together just the same). Reads the relative imports of every .ts file under the
 * given folders; prints each cycle as a chain of paths.
 *
 *   node tools/lint/cycles.mjs packages stories
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const roots = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) files.push(resolve(path));
  }
};
roots.forEach(walk);

const known = new Set(files);
// `import … from './x.ts'`, `export … from './x.ts'`, `import('./x.ts')`: relative specifiers only.
const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
const edges = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(specifier)].map((m) => resolve(dirname(file), m[1])).filter((t) => known.has(t));
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v).includes(v)) cycles.push(component);
  }
}
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length) {
  for (const c of cycles) console.error(`import cycle: ${c.map((f) => relative(process.cwd(), f)).join(' <-> ')}`);
  process.exit(1);
}
console.log(`no import cycles in ${files.length} files`);
