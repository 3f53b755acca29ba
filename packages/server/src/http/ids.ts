/** Ids in paths: percent-decoded, in lower case, and only ever a UUID, so nothing else reaches a query. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The UUID a path segment names, in lower case, or `undefined` (bad percent-encoding, anything not a UUID). */
export function uuidFromPath(segment: string): string | undefined {
  if (segment.length > 200) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  const id = decoded.toLowerCase();
  return UUID.test(id) ? id : undefined;
}

export const isUuid = (value: string): boolean => UUID.test(value);
