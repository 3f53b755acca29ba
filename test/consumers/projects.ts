/**
 * The host projects of the packed-consumer test, each as its ecosystem starts one: files, registry
 * dependencies, the build, the type checks (TypeScript 5.9 and 7, `skipLibCheck: false`) and the
 * pages an agent uses. Every project depends on the packed tarballs, never on the workspace.
 */
import { htmlFiles } from './html-app.ts';
import { reactDependencies, reactFiles } from './react-app.ts';
import { vueDependencies, vueFiles } from './vue-app.ts';

/** A project's files, by path inside it. */
export type HostFiles = Record<string, string>;

export interface HostProject {
  name: string;
  files: HostFiles;
  /** Registry dependencies, besides the tarballs and the two compilers. */
  dependencies: Record<string, string>;
  /** Which packed packages it installs. */
  uses: readonly ('sdk' | 'element' | 'react')[];
  /** Commands run in the project (after `npm install`), each `[bin, ...args]` from node_modules. */
  build?: string[];
  typecheck: string[][];
  /** The folder the host server serves (relative), and the pages: query string and first task id. */
  serve: string;
  pages: { query: string; run: string }[];
}

/** The compilers every project checks with: TypeScript 5.9 as `typescript`, 7 as `typescript7`. */
export const compilers = { typescript: '~5.9.3', typescript7: 'npm:typescript@^7.0.2' };
const tsc59 = ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'];
const tsc7 = (config = 'tsconfig.json') => ['node_modules/typescript7/bin/tsc', '-p', config];
const viteBuild = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'];
const vite = { vite: '^8.0.0' };

const react = (major: 18 | 19): HostProject => ({
  name: `react-${major}`,
  files: reactFiles(major),
  dependencies: { ...reactDependencies(major), ...vite },
  uses: ['sdk', 'element', 'react'],
  build: viteBuild,
  typecheck: [tsc59, tsc7()],
  serve: 'dist',
  pages: [
    { query: `mode=wrapper&run=R${major}W`, run: `R${major}W` },
    { query: `mode=late&run=R${major}L`, run: `R${major}L` },
    ...(major === 19 ? [{ query: 'mode=intrinsic&run=R19I', run: 'R19I' }] : []),
  ],
});

export const hostProjects: HostProject[] = [
  react(19),
  react(18),
  {
    name: 'vue-3',
    files: vueFiles,
    dependencies: { ...vueDependencies, ...vite },
    uses: ['sdk', 'element'],
    build: viteBuild,
    typecheck: [['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'tsconfig.json'], tsc7('tsconfig.ts7.json')],
    serve: 'dist',
    pages: [{ query: 'run=VUE', run: 'VUE' }],
  },
  {
    name: 'plain-html',
    files: htmlFiles,
    dependencies: {},
    uses: ['sdk', 'element'],
    typecheck: [tsc59, tsc7()],
    serve: '.',
    pages: [{ query: 'run=HTML', run: 'HTML' }],
  },
];
