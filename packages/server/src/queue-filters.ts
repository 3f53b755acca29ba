/**
 * The account team's work-queue filters of `GET /api/escalations` (docs/policy.md#follow-up):
 * whose it is, whether it is overdue, and free text. Part of `listQuerySchema` (types.ts); the
 * stores apply them (`store/list-sql.ts`, `store/list-filter.ts`) alike.
 */
import * as z from 'zod/mini';
import { noControl } from './http/text.ts';

/** `assignee=` values besides a user id. */
export const assigneeFilters = ['me', 'none'] as const;

export const queueFilters = {
  /** Whose: `me` (the signed-in person), `none` (nobody owns it) or a user's id. */
  assignee: z.optional(
    z
      .string()
      .check(
        z.minLength(1, 'assignee must be me, none or a user id'),
        z.maxLength(200, 'assignee must be at most 200 characters'),
        z.regex(noControl, 'assignee must not contain control characters'),
      ),
  ),
  /**
   * `true`: only what is overdue at the server's time: not contacted by its respond-by (still
   * open), or not resolved by its resolve-by.
   */
  overdue: z.optional(
    z.pipe(
      z.literal('true', 'overdue must be true, or left out'),
      z.transform((): true => true),
    ),
  ),
  /**
   * Free text, case-insensitive (letters beyond ASCII as the database folds them): in the task id
   * and title, the customer's name and account id, the agent's notes and the team's notes. `%`
   * and `_` are only themselves; empty is no filter.
   */
  q: z.optional(
    z
      .string()
      .check(z.trim(), z.maxLength(200, 'q must be at most 200 characters'), z.regex(noControl, 'q must not contain control characters')),
  ),
};
