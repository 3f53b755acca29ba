/** The building blocks of the policy's schema. */
import * as z from 'zod/mini';
import { limits, slugPattern } from '../schemas/index.ts';

export const text = z.string('Must be text').check(z.minLength(1, 'Must not be empty'));
export const slug = z
  .string('Must be text')
  .check(
    z.maxLength(limits.team, `Must be at most ${limits.team} characters`),
    z.regex(slugPattern, 'Must be a lower-case id such as "billing"'),
  );
export const level = z
  .number('Must be a number')
  .check(
    z.int('Must be a whole number'),
    z.gte(1, 'Levels start at 1'),
    z.lte(limits.routingLevel, `Levels are 1 to ${limits.routingLevel}`),
  );
export const levelKey = z
  .string('Must be text')
  .check(z.regex(new RegExp(`^[1-${limits.routingLevel}]$`), `Levels are 1 to ${limits.routingLevel}`));
export const amount = z.number('Must be a number').check(z.gte(0, 'Must be 0 or more'));
const positive = z.number('Must be a number').check(z.gt(0, 'Must be more than 0'));

/**
 * A target duration of the priority table. One unit only, so the data reads like the
 * procedures' table (`{ minutes: 30 }`, `{ hours: 4 }`, `{ businessDays: 3 }`).
 */
export const durationSchema = z.union(
  [
    // 0 minutes is "immediately" (level 2, critical).
    z.strictObject({ minutes: z.number('Must be a number').check(z.gte(0, 'Must be 0 or more')) }),
    z.strictObject({ hours: positive }),
    z.strictObject({ businessDays: positive.check(z.int('Must be a whole number')) }),
  ],
  'A duration is { minutes: n }, { hours: n } or { businessDays: n }',
);
/** A duration of the priority table, e.g. `{ hours: 4 }`. */
export type Duration = z.output<typeof durationSchema>;
