/**
 * An endpoint whose receipts say where the e-mail to the team stands, for the tests of what the
 * success panel says ("notified" only on `sent`): POST /receipt/<pending|sent|failed>/escalations.
 * It validates with the SDK's schema like the scenario server, and answers 201 with the receipt.
 * Registered in test/wtr.config.mjs.
 */
import type { IncomingMessage } from 'node:http';
import { escalationRequestSchema } from '@escalate-kit/sdk';

/** The part of a Koa context this middleware uses. */
interface Context {
  method: string;
  path: string;
  req: IncomingMessage;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function receiptMiddleware() {
  return async (ctx: Context, next: () => Promise<unknown>) => {
    const m = /^\/receipt\/(pending|sent|failed)\/escalations$/.exec(ctx.path);
    if (!m || ctx.method !== 'POST') return next();
    let body: unknown;
    try {
      body = JSON.parse(await readBody(ctx.req));
    } catch {
      body = undefined;
    }
    const parsed = escalationRequestSchema.safeParse(body);
    ctx.set('Content-Type', 'application/json');
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = JSON.stringify({
        error: 'invalid_request',
        issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
      });
      return;
    }
    const request = parsed.data;
    ctx.status = 201;
    ctx.body = JSON.stringify({
      id: request.id,
      taskId: request.taskId,
      status: 'received',
      team: request.routing?.team ?? 'account',
      respondBy: new Date(Date.parse(request.createdAt) + 4 * 3_600_000).toISOString(),
      duplicate: false,
      notification: m[1],
    });
  };
}
