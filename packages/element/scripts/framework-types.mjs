/**
 * Writes the framework typings of the elements from `custom-elements.json`, so that they follow
 * the JSDoc and `@property` declarations instead of being kept by hand:
 *
 * - `dist/jsx.d.ts`: React 19's `React.JSX.IntrinsicElements` (attributes, properties, and
 *   `on<event-name>` props, which React 19 turns into listeners of exactly that event);
 * - `dist/vue.d.ts`: Vue's `GlobalComponents` (props, and `on<EventName>` for `@event-name`).
 *
 * Each comes with an empty `.js`, so importing the entry at run time is harmless too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const banner = '// Generated from custom-elements.json by scripts/framework-types.mjs (pnpm build): do not edit.\n';

/** `escalate-done` → `EscalateDone`. */
const pascal = (name) => name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
/** A property key, quoted when it is not an identifier. */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
/** A one-line JSDoc of a description, or nothing. */
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');

/** The elements of the manifest: tag, class, settable properties, attributes and events. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const properties = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy !== 'private');
      out.push({
        tag: d.tagName,
        className: d.name,
        summary: d.summary ?? d.description ?? '',
        properties: properties.map((m) => ({ name: m.name, type: m.type?.text ?? 'unknown', description: m.description ?? '' })),
        // Attributes whose property has the same name are typed once, as the property.
        attributes: (d.attributes ?? [])
          .filter((a) => !properties.some((p) => p.name === a.name))
          .map((a) => ({ name: a.name, type: a.type?.text ?? 'string', description: a.description ?? '' })),
        events: (d.events ?? []).map((e) => ({ name: e.name, type: e.type?.text ?? 'Event', description: e.description ?? '' })),
      });
    }
  return out;
}

/** Every type name the typings import from the package (element classes, event classes, property types). */
function importsOf(elements) {
  const names = new Set();
  for (const el of elements) {
    names.add(el.className);
    for (const t of [...el.properties, ...el.attributes, ...el.events].map((x) => x.type))
      for (const m of t.matchAll(/'[^']*'|\b([A-Z][A-Za-z0-9_]*)\b/g))
        if (m[1] && !['Partial', 'Record', 'Event'].includes(m[1])) names.add(m[1]);
  }
  return `import type { ${[...names].sort().join(', ')} } from './index.js';\n`;
}

/** The members of one element's props interface: attributes, properties, then events as `prefix + name`. */
function members(el, eventKey) {
  const lines = [];
  for (const a of el.attributes) lines.push(`${doc(a.description, '  ')}  ${key(a.name)}?: ${a.type};`);
  for (const p of el.properties) lines.push(`${doc(p.description, '  ')}  ${key(p.name)}?: ${p.type};`);
  for (const e of el.events) lines.push(`${doc(e.description, '  ')}  ${key(eventKey(e.name))}?: (event: ${e.type}) => void;`);
  return lines.join('\n');
}

/** React 19: properties set as properties, `on<event-name>` as listeners (react-dom's custom element rules). */
export function reactTypes(elements) {
  const props = elements
    .map(
      (el) =>
        `/** Props of \`<${el.tag}>\` in React 19 JSX. ${el.summary} */\nexport interface ${el.className}JsxProps {\n${members(el, (n) => `on${n}`)}\n}\n`,
    )
    .join('\n');
  const intrinsic = elements
    .map(
      (el) =>
        `      '${el.tag}': Omit<DetailedHTMLProps<HTMLAttributes<${el.className}>, ${el.className}>, keyof ${el.className}JsxProps> & ${el.className}JsxProps;`,
    )
    .join('\n');
  return `${banner}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${importsOf(elements)}\n${props}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

/** Vue: props by property name (templates may write them kebab-case), `@escalate-done` as `onEscalateDone`. */
export function vueTypes(elements) {
  const props = elements
    .map(
      (el) =>
        `/** Props of \`<${el.tag}>\` in Vue templates. ${el.summary} */\nexport interface ${el.className}VueProps {\n${members(el, (n) => `on${pascal(n)}`)}\n}\n`,
    )
    .join('\n');
  const globals = elements.map((el) => `    '${el.tag}': DefineComponent<${el.className}VueProps>;`).join('\n');
  return `${banner}import type { DefineComponent } from 'vue';\n${importsOf(elements)}\n${props}
declare module 'vue' {
  interface GlobalComponents {
${globals}
  }
}
`;
}

/** Writes `dist/jsx.d.ts`, `dist/vue.d.ts` and their empty `.js` from the manifest at `manifestPath`. */
export function writeFrameworkTypes(manifestPath, distDir) {
  const elements = elementsOf(JSON.parse(readFileSync(manifestPath, 'utf8')));
  for (const [name, text] of [
    ['jsx', reactTypes(elements)],
    ['vue', vueTypes(elements)],
  ]) {
    writeFileSync(join(distDir, `${name}.d.ts`), text);
    writeFileSync(join(distDir, `${name}.js`), `${banner}export {};\n`);
  }
}
