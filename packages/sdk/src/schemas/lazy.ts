/**
 * A schema built on its first use rather than when its module is imported. Building the
 * contract's schemas (every `z.object` and each of its checks) took ~6 ms of evaluating the
 * dialog's chunk, before a form that needs none of them to open; now the first parse pays it.
 * The value stands for the schema itself: same type, same members, `instanceof` and identity
 * (a schema composed of it holds this very value, so the published JSON Schema is unchanged).
 */

// A stand-in object forwards to the built one. Descriptors come back configurable: zod's own
// (`_zod`) are not, and a proxy may not report a property that its target lacks as such.
// Calls are marked `/* @__PURE__ */` where they are made: esbuild does not honour a
// `@__NO_SIDE_EFFECTS__` on this declaration from another module, and an unused schema must drop out.
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
