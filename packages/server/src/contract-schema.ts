/**
 * zod schema → JSON Schema (draft 2020-12), the one way every part of the published contract is
 * written (contract.ts, contract-paths.ts, contract-access.ts), so no document spells a type by hand
 * that a schema already defines.
 */
import * as z from 'zod/mini';
import { contextRecord, contextSchema } from '@escalate-kit/sdk';

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The JSON Schema of a zod schema. `io: 'input'` for what a client sends: a field with a default
 * is then optional, as it is on the wire (in 'output' it would be required in generated clients).
 * `refs` names schemas that are components of their own: where they occur they become a `$ref`
 * to `#/components/schemas/<name>` instead of a copy.
 */
export const schemaOf = (schema: z.core.$ZodType, io: 'input' | 'output', refs: Record<string, z.core.$ZodType> = {}): JsonSchema => {
  const names = new Map(Object.entries(refs).map(([name, s]) => [s, name]));
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      // The context's keys are checked on the raw input first (a pipe), which JSON Schema cannot
      // say; the record it then parses is what a client must send.
      if (zodSchema === (contextSchema as z.core.$ZodType)) {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
        Object.assign(jsonSchema, schemaOf(contextRecord, io));
        return;
      }
      const name = names.get(zodSchema as z.core.$ZodType);
      if (name === undefined) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
      Object.assign(jsonSchema, ref(name));
    },
  }) as JsonSchema;
  return rest;
};
