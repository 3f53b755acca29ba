/**
 * Analyzer plugins that make `custom-elements.json` describe the published package: the public
 * API only, schema 2.1.0, paths of the built `dist/*.js` (what a tool can load), and a reference
 * for every type a property, attribute or event names, each exported by `@escalate-kit/element`.
 */

import { posix } from 'node:path';

const pkg = '@escalate-kit/element';

/**
 * Type names the manifest may use without the package exporting them: TypeScript's own and the
 * DOM's. Any other name must be exported from the package's main entry (checked in `pnpm test`,
 * test/node/consumers.test.ts, by importing every referenced name from the packed package).
 */
const globalTypes = new Set([
  'Partial',
  'Readonly',
  'ReadonlyArray',
  'Record',
  'Pick',
  'Omit',
  'Promise',
  'Map',
  'ReadonlyMap',
  'Set',
  'Event',
  'Error',
  'HTMLElement',
  'ShadowRootInit',
]);

/**
 * Keeps the manifest to the public API: Lit's `@state() private` fields, `#private` members
 * and `protected`/`static` lifecycle overrides are implementation, not something a host sets.
 */
export function hidePrivateApi() {
  return {
    name: 'escalate-kit/hide-private-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter(
            (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
        }
      }
    },
  };
}

/**
 * `src/a/b.ts`, `/src/a/b.ts` → `dist/a/b.js`; a relative specifier of a re-export (`./x.ts`, as
 * the analyzer writes it) is resolved against its module first, so every path is from the package root.
 */
const toDist = (path, from) => {
  const full = /^\.\.?\//.test(path) ? posix.join(posix.dirname(from.replace(/^\//, '')), path) : path;
  return full.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
};

/** The type names in a type's text (`readonly CategoryDefinition[] | undefined` → CategoryDefinition), with where each is. */
function namesIn(text) {
  const out = [];
  // Identifiers that start upper case are type names; string literals ('primary') are skipped.
  const re = /'[^']*'|"[^"]*"|\b([A-Z][A-Za-z0-9_]*)\b/g;
  for (let m; (m = re.exec(text));)
    if (m[1] && !globalTypes.has(m[1])) out.push({ name: m[1], start: m.index, end: m.index + m[1].length });
  return out;
}

/** Every `type` object in the manifest (members, attributes, events, parameters, returns). */
function* typesOf(node) {
  if (Array.isArray(node)) for (const n of node) yield* typesOf(n);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' && value && typeof value.text === 'string') yield value;
      else yield* typesOf(value);
    }
}

/** Rewrites every `path` and `module` in place (declarations, exports, inheritedFrom, superclass). */
function rewritePaths(node, from) {
  if (Array.isArray(node)) for (const n of node) rewritePaths(n, from);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value, from);
      else rewritePaths(value, from);
    }
}

/**
 * Schema 2.1.0 (the analyzer writes 1.0.0 and has no setting for it; the shape it writes is valid
 * 2.1.0), `dist/*.js` paths, and `references` for the type names, each to the package's main entry.
 */
export function publishedManifest() {
  return {
    name: 'escalate-kit/published-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      manifest.schemaVersion = '2.1.0';
      for (const mod of manifest.modules) rewritePaths(mod, mod.path);
      for (const type of typesOf(manifest.modules)) {
        const references = namesIn(type.text).map((r) => ({ ...r, package: pkg, module: 'dist/index.js' }));
        if (references.length) type.references = references;
      }
    },
  };
}
