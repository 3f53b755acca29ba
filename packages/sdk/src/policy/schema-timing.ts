/** The policy's clocks: level response times, team timelines, the complaint path, the calendar. */
import * as z from 'zod/mini';
import { prioritySchema } from '../schemas/index.ts';
import { durationSchema, levelKey, slug, text } from './schema-parts.ts';

/**
 * Level → how fast it answers: one duration for every priority, or one per priority (level 2:
 * immediately for critical, 4 hours for high, 24 hours for the rest), and a callback time.
 */
export const levelTimesSchema = z.record(
  levelKey,
  z.strictObject({
    respond: z.union([
      durationSchema,
      z.strictObject({
        critical: z.optional(durationSchema),
        high: z.optional(durationSchema),
        medium: z.optional(durationSchema),
        low: z.optional(durationSchema),
      }),
    ]),
    /** When the level is offline: a callback within this (level 1: 2 hours). */
    callback: z.optional(durationSchema),
  }),
);

/** Team → its own timeline: when a case is resolved, and how that is said to the customer. */
export const timelinesSchema = z.record(
  slug,
  z.strictObject({
    resolve: durationSchema,
    /** Said to the customer instead of the standard contact window, e.g. "within 3-5 business days". */
    phrase: z.optional(text),
  }),
);

/** One step of the formal complaint path. `within` is a duration, or words where the procedures give no clock. */
export const complaintPathSchema = z.strictObject({
  /** The categories that follow the path. */
  categories: z.array(slug),
  steps: z.array(z.strictObject({ handler: text, within: z.union([durationSchema, text]) })),
  /** Which step's clock is the respond-by, and which the resolve-by (1-based). */
  respondStep: z.number().check(z.int(), z.gte(1)),
  resolveStep: z.number().check(z.int(), z.gte(1)),
});

/** Where business days are counted. */
export const calendarSchema = z.strictObject({
  /** IANA time zone; absent means the zone of the machine that computes (the server's). */
  timeZone: z.optional(text),
  /** Days that are not business days, as `YYYY-MM-DD` in that zone. */
  holidays: z.array(z.string('Must be text').check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Holidays are YYYY-MM-DD dates'))),
});

export { prioritySchema };
