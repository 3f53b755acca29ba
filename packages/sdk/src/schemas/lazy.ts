/**
 * A schema built on its first use rather than when its module is imported. Building the
 * contract's schemas (every `z.object` and each of its checks) took ~6 ms of evaluating the
 * dialog's chunk, before a form that needs none of them to open; now the first parse pays it.
 * The value stands for the schema: same type, members and `instanceof` (zod's classes answer it
 * from the members), and it keeps its identity inside the schemas made of it, which is how the
 * published JSON Schema names a component (server/src/contract-schema.ts).
 */

// A stand-in object forwards reads to the built schema. Only reads: nothing spreads, lists or
// writes a schema's own properties (a shape that is spread is a plain object, built once).
// Calls are marked `/* @__PURE__ */` where they are made: esbuild does not honour a
// `@__NO_SIDE_EFFECTS__` on this declaration from another module, and an unused schema must drop out.
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
