/**
 * A choice among fixed strings, judged and published as `z.enum` and `z.literal` did
 * (`{ type: 'string', enum }`, `{ type: 'string', const }`), without zod's enum and literal
 * classes: 0.4 kB gzip of zod in every browser bundle for six lists and one word. Not for a
 * record's keys: a record keyed by a `z.enum` requires every key, and only `z.enum` tells it
 * which (policy/schema.ts keeps `z.enum` there).
 */
import * as z from 'zod/mini';

/**
 * `z.enum(values, message)`: one of `values`. Not `abort: true` (z.custom's default): an issue
 * that says "abort" also stops the object's checks that run whatever else failed (`when`: the
 * contact that the method needs), and one answer must name every bad field. No check follows
 * a choice on its field, so there is nothing else it would stop.
 */
export function oneOf<const T extends readonly string[]>(values: T, message?: string) {
  const schema = z.custom<T[number]>((v) => values.includes(v as T[number]), { error: message, abort: false });
  // zod's hook for a schema that writes its own JSON Schema (a fresh object: zod may edit it).
  schema._zod.toJSONSchema = () => ({ type: 'string', enum: [...values] });
  return schema;
}

/** `z.literal(value)` of a string. */
export function exactly<const T extends string>(value: T) {
  const schema = z.custom<T>((v) => v === value, { abort: false });
  schema._zod.toJSONSchema = () => ({ type: 'string', const: value });
  return schema;
}
