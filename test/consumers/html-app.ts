/**
 * A page with no bundler: one `<script type="module">` of the one-file build, from a CDN path
 * (`/npm/@escalate-kit/element/dist/…`, served from the project's node_modules as unpkg or jsDelivr
 * would serve the tarball). Also the project where the packed SDK runs in Node (this machine's
 * Node 20) against the real server, and where TypeScript checks what `define` alone brings.
 */

/** The CDN-style URL prefix of the page's script; the host server maps it to node_modules. */
export const cdnPrefix = '/npm/';

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Plain HTML host</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${cdnPrefix}@escalate-kit/element/dist/escalate-kit.min.js"></script>
  </head>
  <body>
    <escalate-provider endpoint="/api/escalations" agent-id="agent-html">
      <ul id="tasks"></ul>
    </escalate-provider>
    <script type="module">
      const run = new URLSearchParams(location.search).get('run') ?? 'HTML';
      const heard = (window.__heard = []);
      const provider = document.querySelector('escalate-provider');
      provider.categories = [
        { id: 'billing', label: 'Billing (host)' },
        { id: 'technical', label: 'Technical (host)' },
      ];
      provider.strings = { label: 'Escalate task' };
      for (const n of [1, 2]) {
        const li = document.createElement('li');
        li.dataset.task = \`\${run}-\${n}\`;
        li.textContent = \`Task \${n} \`;
        const button = document.createElement('escalate-button');
        button.setAttribute('task-id', li.dataset.task);
        button.setAttribute('category', 'billing');
        button.setAttribute('contact-method', 'email');
        button.setAttribute('customer-email', 'pat@example.com');
        button.context = { queue: run };
        li.append(button);
        document.querySelector('#tasks').append(li);
      }
      document.addEventListener('escalate-success', (e) => heard.push(\`success:\${e.taskId}:\${e.receipt.status}\`));
      document.addEventListener('escalate-done', (e) => {
        heard.push(\`done:\${e.taskId}:\${e.outcome}\`);
        e.target.closest('li').remove();
      });
    </script>
  </body>
</html>
`;

/** Compile-only: `define` alone types the tag names and the events. */
const defineTypes = `import '@escalate-kit/element/define';

const button = document.createElement('escalate-button');
button.taskId = 'T-1';
button.addEventListener('escalate-done', (e) => {
  const outcome: 'sent' | 'queued' | 'already-escalated' = e.outcome;
  void outcome;
});
document.addEventListener('escalate-success', (e) => void e.receipt.respondBy);
document.querySelector('escalate-provider')?.addEventListener('escalate-delivered', (e) => void e.request.taskId);
// @ts-expect-error an escalate-done event has no receipt status of its own
document.addEventListener('escalate-done', (e) => void e.status);
// @ts-expect-error taskId is a string
button.taskId = 42;
`;

/** The packed SDK, in this machine's Node, against the real server (argv[2] is its URL). */
const nodeClient = `import { createEscalationClient } from '@escalate-kit/sdk';

const client = createEscalationClient({ endpoint: \`\${process.argv[2]}/api/escalations\` });
const result = await client.escalate({
  taskId: 'NODE-1',
  category: 'technical',
  notes: 'Issue: Router reboots every hour. Tried: Firmware reset. Why: Needs an engineer visit.',
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
});
client.dispose();
console.log(JSON.stringify({ node: process.version, status: result.status }));
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

export const htmlFiles: Record<string, string> = {
  'index.html': page,
  'define-types.ts': defineTypes,
  'node-client.mjs': nodeClient,
  'tsconfig.json': JSON.stringify({ compilerOptions, files: ['define-types.ts'] }, null, 2),
};
