/**
 * A task the agent handled without escalating: `POST /api/handled`. It is the denominator of the
 * escalation rate (docs/policy.md#metrics: escalated / (escalated + handled without escalating)),
 * so a host reports one per such task, idempotent by `id` like an escalation.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { identifier, limits, strictObjectError as strict } from './common.ts';
import { isoDateTime, uuid } from './formats.ts';
import { agentSchema } from './parties.ts';

const buildReportShape = () => ({
  // Lower case on the way in: one report is one id however a client spells its hex digits.
  id: uuid('Id must be a UUID').check(z.toLowerCase()),
  taskId: identifier(limits.taskId, 'Task id'),
  agentId: identifier(limits.id, 'Agent id'),
  /** The day the agent started (`YYYY-MM-DD`), from the host: their experience, for the healthy range. */
  agentStartedOn: agentSchema.shape.startedOn,
  /** When the agent finished the task. @default when the server received the report */
  handledAt: z.optional(isoDateTime('handledAt must be an ISO-8601 date-time')),
});
let reportShapeBuilt: ReturnType<typeof buildReportShape> | undefined;
// Built once for the schemas below; a plain object, since it is spread.
const reportShape = () => (reportShapeBuilt ??= buildReportShape());

/** The body of `POST /api/handled`, exactly as it travels. The server validates with it. */
export const handledReportSchema = /* @__PURE__ */ lazy(() => z.strictObject(reportShape(), strict));
export type HandledReport = z.output<typeof handledReportSchema>;

/**
 * What a caller passes to `client.reportHandled()`: the agent's `startedOn` as the request's
 * `agent.startedOn` names it; `id` (kept for a later retry) and `handledAt` are filled in when absent.
 */
export const handledInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      taskId: reportShape().taskId,
      agentId: reportShape().agentId,
      startedOn: reportShape().agentStartedOn,
      id: z.optional(reportShape().id),
      handledAt: reportShape().handledAt,
    },
    strict,
  ),
);
export type HandledInput = z.input<typeof handledInputSchema>;

/** The server's answer: 201, or 200 with `duplicate: true` on a replay of the same report. */
export const handledReceiptSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: uuid(),
    taskId: z.string(),
    agentId: z.string(),
    handledAt: isoDateTime(),
    duplicate: z._default(z.boolean(), false),
  }),
);
export type HandledReceipt = z.output<typeof handledReceiptSchema>;
