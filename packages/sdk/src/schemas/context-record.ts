/**
 * The context as a zod record: what the published JSON Schema says of it (the server's
 * contract-schema.ts writes this in place of `contextSchema`, a check JSON Schema cannot say).
 * A file of its own so that browser bundles, which validate with `contextSchema`, leave out
 * zod's record and union. test/node/schemas/context.test.ts holds the two to the same verdicts.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { limits } from './common.ts';
import { contextText, notAContextValue, tooManyContextKeys } from './context.ts';

export const contextRecord = /* @__PURE__ */ lazy(() =>
  z
    .record(z.string(), z.union([contextText, z.number(), z.boolean()], notAContextValue))
    .check(z.refine((ctx) => Object.keys(ctx).length <= limits.contextKeys, tooManyContextKeys)),
);
