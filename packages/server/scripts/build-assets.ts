/** `pnpm build` (server): the contract documents and the inbox bundle. */
import { mkdir, writeFile } from 'node:fs/promises';
import { contractJsonSchema, openApiDocument } from '../src/contract.ts';
import { writeInboxBundle } from '../src/inbox/assets.ts';

const out = new URL('../contract/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL('escalation.schema.json', out), `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
await writeFile(new URL('openapi.json', out), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
await writeInboxBundle();
console.log('wrote contract/escalation.schema.json, contract/openapi.json, dist/inbox/app.js');
