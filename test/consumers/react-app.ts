/**
 * A React + Vite host, as `npm create vite` would start it, using `@escalate-kit/react` from the
 * packed tarballs. Kept as strings (not .tsx files in this repository) because its code compiles
 * against the host's own React and TypeScript, installed from the registry, never the workspace's.
 *
 * Pages (`?mode=`): `wrapper` imports `@escalate-kit/react` (defines, then renders); `late` renders
 * `@escalate-kit/react/components` and defines the elements afterwards; `intrinsic` (React 19
 * only) writes `<escalate-button>` in JSX with the generated `@escalate-kit/element/jsx` types.
 */

/** The list every page renders, wired to the components given: rows leave on `escalate-done`. */
const taskList = `import { useState, type ComponentType } from 'react';
import type { EscalateButton, EscalateProvider } from '@escalate-kit/react/components';
import type { EscalateDoneEvent, EscalateSuccessEvent } from '@escalate-kit/react';

export const heard: string[] = ((window as unknown as { __heard: string[] }).__heard = []);
export const categories = [
  { id: 'billing', label: 'Billing (host)' },
  { id: 'technical', label: 'Technical (host)' },
];
export const strings = { label: 'Escalate task' };
export const tasksOf = (run: string) => [1, 2].map((n) => ({ id: \`\${run}-\${n}\`, title: \`Task \${n}\` }));

export function TaskList({ run, Button, Provider }: { run: string; Button: typeof EscalateButton; Provider: typeof EscalateProvider }) {
  const [tasks, setTasks] = useState(() => tasksOf(run));
  const onSuccess = (e: EscalateSuccessEvent) => heard.push(\`success:\${e.taskId}:\${e.receipt.status}\`);
  const onDone = (e: EscalateDoneEvent) => {
    heard.push(\`done:\${e.taskId}:\${e.outcome}\`);
    setTasks((ts) => ts.filter((t) => t.id !== e.taskId));
  };
  return (
    <Provider endpoint="/api/escalations" agentId="agent-react" categories={categories} strings={strings}>
      <ul>
        {tasks.map((t) => (
          <li key={t.id} data-task={t.id}>
            {t.title}{' '}
            <Button
              taskId={t.id}
              category="billing"
              contactMethod="email"
              customerEmail="pat@example.com"
              context={{ queue: run }}
              onEscalateSuccess={onSuccess}
              onEscalateDone={onDone}
            />
          </li>
        ))}
      </ul>
    </Provider>
  );
}

export type Page = ComponentType<{ run: string }>;
`;

const wrapper = `import { createRoot } from 'react-dom/client';
import { EscalateButton, EscalateProvider } from '@escalate-kit/react';
import { TaskList } from './task-list.tsx';

export function start(root: HTMLElement, run: string) {
  createRoot(root).render(<TaskList run={run} Button={EscalateButton} Provider={EscalateProvider} />);
}
`;

const late = `import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { EscalateButton, EscalateProvider } from '@escalate-kit/react/components';
import { TaskList } from './task-list.tsx';

/** Renders first (the elements are not defined yet: props land on plain HTMLElements), then defines. */
export async function start(root: HTMLElement, run: string) {
  if (customElements.get('escalate-button')) throw new Error('defined before the render');
  flushSync(() => createRoot(root).render(<TaskList run={run} Button={EscalateButton} Provider={EscalateProvider} />));
  if (!document.querySelector('escalate-button')) throw new Error('not rendered before the definition');
  await import('@escalate-kit/element/define');
}
`;

const intrinsic = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@escalate-kit/element/define';
import type {} from '@escalate-kit/element/jsx';
import { categories, heard, strings, tasksOf } from './task-list.tsx';

/** React 19 sets properties on a defined custom element and listens to on<event-name> props. */
function App({ run }: { run: string }) {
  const [tasks, setTasks] = useState(() => tasksOf(run));
  return (
    <escalate-provider endpoint="/api/escalations" agent-id="agent-react" categories={categories} strings={strings}>
      <ul>
        {tasks.map((t) => (
          <li key={t.id} data-task={t.id}>
            {t.title}{' '}
            <escalate-button
              task-id={t.id}
              category="billing"
              contact-method="email"
              customer-email="pat@example.com"
              context={{ queue: run }}
              onescalate-success={(e) => heard.push(\`success:\${e.taskId}:\${e.receipt.status}\`)}
              onescalate-done={(e) => {
                heard.push(\`done:\${e.taskId}:\${e.outcome}\`);
                setTasks((ts) => ts.filter((x) => x.id !== e.taskId));
              }}
            />
          </li>
        ))}
      </ul>
    </escalate-provider>
  );
}

export function start(root: HTMLElement, run: string) {
  createRoot(root).render(<App run={run} />);
}
`;

/** Compile-only: the types must refuse these (a wrong type is an error, not \`any\`). */
const typeChecks = (intrinsicToo: boolean) => `import { EscalateButton } from '@escalate-kit/react';
${intrinsicToo ? "import type {} from '@escalate-kit/element/jsx';\n" : ''}
export const checks = [
  // @ts-expect-error an outcome is 'sent' | 'queued' | 'already-escalated'
  <EscalateButton taskId="T-1" onEscalateDone={(e) => e.outcome === 'lost'} />,
  // @ts-expect-error urgency is 'urgent' | 'standard'
  <EscalateButton taskId="T-1" urgency="asap" />,
  <EscalateButton taskId="T-1" onEscalateQueued={(e) => e.reason} onEscalateError={(e) => e.error.message} />,
${
  intrinsicToo
    ? `  // @ts-expect-error a receipt has no 'nope'
  <escalate-button task-id="T-1" onescalate-success={(e) => e.receipt.nope} />,
  // @ts-expect-error variant is 'primary' | 'secondary'
  <escalate-button task-id="T-1" variant="loud" />,
`
    : ''
}];
`;

const main = `import { pages } from './pages.ts';

const params = new URLSearchParams(location.search);
const page = pages[(params.get('mode') ?? 'wrapper') as keyof typeof pages];
void page().then((m) => m.start(document.getElementById('root')!, params.get('run') ?? 'R'));
`;

/** The project's files for React `major` (18 or 19). */
export function reactFiles(major: 18 | 19): Record<string, string> {
  const intrinsicPage = major === 19 ? "  intrinsic: () => import('./intrinsic.tsx'),\n" : '';
  return {
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>React ${major} host</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'src/main.tsx': main,
    'src/pages.ts': `export const pages = {
  wrapper: () => import('./wrapper.tsx'),
  late: () => import('./late.tsx'),
${intrinsicPage}};
`,
    'src/task-list.tsx': taskList,
    'src/wrapper.tsx': wrapper,
    'src/late.tsx': late,
    ...(major === 19 && { 'src/intrinsic.tsx': intrinsic }),
    'src/type-checks.tsx': typeChecks(major === 19),
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          lib: ['es2023', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  };
}

/** The registry dependencies of React `major`'s host. */
export function reactDependencies(major: 18 | 19) {
  return major === 19
    ? { react: '^19.2.0', 'react-dom': '^19.2.0', '@types/react': '^19.2.0', '@types/react-dom': '^19.2.0' }
    : { react: '^18.3.1', 'react-dom': '^18.3.1', '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' };
}
