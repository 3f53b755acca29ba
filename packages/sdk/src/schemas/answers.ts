/** What the server answers: the receipt of a stored escalation, and the body of every error. */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { maxLength, minLength } from './published.ts';
import { limits } from './common.ts';
import { exactly, oneOf } from './choices.ts';
import { isoDateTime, uuid } from './formats.ts';

/** The server's answer to a POST: 201, or 200 with `duplicate: true` on an idempotent replay. */
export const escalationReceiptSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: uuid(),
    taskId: z.string().check(minLength(1), maxLength(limits.taskId)),
    status: exactly('received'),
    /** The team that takes it, as the server decided. */
    team: z.string().check(minLength(1), maxLength(limits.team)),
    /** When the team must have answered (the earliest rule that applies, docs/policy.md#respond-by). */
    respondBy: isoDateTime(),
    duplicate: z._default(z.boolean(), false),
    /**
     * Where the e-mail to the team stands: `pending` right after storing (it is sent in the
     * background), `sent` once it went out. A UI says "notified" only on `sent`.
     */
    notification: z.optional(oneOf(['pending', 'sent', 'failed'])),
  }),
);
export type EscalationReceipt = z.output<typeof escalationReceiptSchema>;

/**
 * One step of a field's path, a key or an index: a check rather than `z.union([z.string(),
 * z.number()])`, whose union was 0.3 kB gzip of zod in every browser bundle, published as the
 * union was (`_zod.toJSONSchema` is zod's hook for a schema that writes its own JSON Schema).
 */
const pathStep = /* @__PURE__ */ lazy(() => {
  const step = z.custom<string | number>((v) => typeof v === 'string' || Number.isFinite(v));
  step._zod.toJSONSchema = () => ({ type: ['string', 'number'] });
  return step;
});

/** A field-level problem: where it is (`['contact', 'email']`; empty for the whole body) and a sentence a person can act on. */
export const fieldIssueSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    path: z.array(pathStep),
    message: z.string(),
  }),
);
/** A field-level problem: where it is and what is wrong with it. */
export type FieldIssue = z.output<typeof fieldIssueSchema>;

/** The escalation a task already has, named in a 409 `task_already_escalated`. */
export const existingEscalationSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    status: z.string(),
    team: z.optional(z.string()),
    respondBy: z.optional(z.string()),
  }),
);
export type ExistingEscalation = z.output<typeof existingEscalationSchema>;

/** Every non-2xx body the server sends. */
export const errorBodySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    error: z.string(),
    message: z.optional(z.string()),
    issues: z.optional(z.array(fieldIssueSchema)),
    /** With `task_already_escalated`: the open escalation of that task. */
    existing: z.optional(existingEscalationSchema),
  }),
);
export type ErrorBody = z.output<typeof errorBodySchema>;
