/**
 * A Vue 3 + Vite host, as `npm create vue` would start it (SFCs, vue-tsc), using the elements from
 * the packed tarball with the generated `@escalate-kit/element/vue` types. Kept as strings: its
 * code compiles against the host's own Vue and TypeScript from the registry.
 *
 * vue-tsc needs TypeScript's JavaScript API, which TypeScript 7 does not have: the templates are
 * checked with 5.9, and TypeScript 7 checks `src/vue-types.ts` (the generated types themselves).
 */

const app = `<script setup lang="ts">
import { ref } from 'vue';
import type { EscalateDoneEvent, EscalateSuccessEvent } from '@escalate-kit/element';

const run = new URLSearchParams(location.search).get('run') ?? 'VUE';
const heard: string[] = ((window as unknown as { __heard: string[] }).__heard = []);
const categories = [
  { id: 'billing', label: 'Billing (host)' },
  { id: 'technical', label: 'Technical (host)' },
];
const strings = { label: 'Escalate task' };
const tasks = ref([1, 2].map((n) => ({ id: \`\${run}-\${n}\`, title: \`Task \${n}\` })));

function onSuccess(e: EscalateSuccessEvent) {
  heard.push(\`success:\${e.taskId}:\${e.receipt.status}\`);
}
function onDone(e: EscalateDoneEvent) {
  heard.push(\`done:\${e.taskId}:\${e.outcome}\`);
  tasks.value = tasks.value.filter((t) => t.id !== e.taskId);
}
</script>

<template>
  <escalate-provider endpoint="/api/escalations" agent-id="agent-vue" :categories="categories" :strings="strings">
    <ul>
      <li v-for="t in tasks" :key="t.id" :data-task="t.id">
        {{ t.title }}
        <escalate-button
          :task-id="t.id"
          category="billing"
          contact-method="email"
          customer-email="pat@example.com"
          :context="{ queue: run }"
          @escalate-success="onSuccess"
          @escalate-done="onDone"
        />
      </li>
    </ul>
  </escalate-provider>
</template>
`;

/** Never mounted: vue-tsc must refuse what is marked. */
const typeChecks = `<script setup lang="ts">
import type { EscalateDoneEvent } from '@escalate-kit/element';
const done = (e: EscalateDoneEvent) => e.outcome;
</script>

<template>
  <escalate-button task-id="T-1" urgency="urgent" @escalate-done="done" />
  <!-- @vue-expect-error urgency is 'urgent' | 'standard' -->
  <escalate-button task-id="T-1" urgency="asap" />
  <!-- @vue-expect-error a task id is a string -->
  <escalate-button :task-id="42" />
</template>
`;

const vueTypes = `import type { GlobalComponents } from 'vue';
import type { EscalateButtonVueProps, EscalateProviderVueProps } from '@escalate-kit/element/vue';

export const button: EscalateButtonVueProps = {
  taskId: 'T-1',
  categories: [{ id: 'billing', label: 'Billing' }],
  onEscalateDone: (e) => void e.outcome,
  onEscalateSuccess: (e) => void e.receipt.id,
};
export const provider: EscalateProviderVueProps = { endpoint: '/api/escalations', onEscalateDelivered: (e) => void e.taskId };
// @ts-expect-error a task id is a string
export const wrong: EscalateButtonVueProps = { taskId: 42 };
export type Registered = [GlobalComponents['escalate-button'], GlobalComponents['escalate-provider']];
`;

const compilerOptions = {
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2023', 'dom', 'dom.iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
};

export const vueFiles: Record<string, string> = {
  'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Vue host</title><link rel="icon" href="data:," /></head>
  <body><div id="app"></div><script type="module" src="/src/main.ts"></script></body>
</html>
`,
  'vite.config.ts': `import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue renders <escalate-*> as custom elements (properties when the element has them), not components.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('escalate-') } } })],
});
`,
  'src/main.ts': `import '@escalate-kit/element/define';
import type {} from '@escalate-kit/element/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`,
  'src/App.vue': app,
  'src/TypeChecks.vue': typeChecks,
  'src/vue-types.ts': vueTypes,
  'tsconfig.json': JSON.stringify({ compilerOptions, include: ['src/**/*.ts', 'src/**/*.vue'] }, null, 2),
  'tsconfig.ts7.json': JSON.stringify({ compilerOptions, files: ['src/vue-types.ts'] }, null, 2),
};

export const vueDependencies = { vue: '^3.5.0', '@vitejs/plugin-vue': '^6.0.0', 'vue-tsc': '^3.0.0' };
