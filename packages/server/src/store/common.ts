/**
 * What every store shares: the pagination cursor, so a cursor from one store flavour means the
 * same thing in another, and the zero-filled stats skeleton.
 */
import { urgencies } from '@escalate-kit/sdk';
import { isUuid } from '../http/ids.ts';
import { escalationStatuses, inStorableRange, type Stats } from '../types.ts';

/** The position after which the next page starts: the last item's `respondBy` and `id`. */
export interface CursorPosition {
  respondBy: string;
  id: string;
}

/** Thrown by `decodeCursor` (and so by `store.list`) for a cursor no store made. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('cursor is not one this server returned');
  }
}

// base64url of UTF-8 with btoa/atob rather than Node's Buffer: the handler reads cursors too, and
// it runs in any Fetch runtime.
function toBase64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(value: string): string {
  const bytes = Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Opaque on purpose: clients pass back what they got and must not build one, so the
 * ordering key can change without breaking them.
 */
export function encodeCursor(position: CursorPosition): string {
  return toBase64url(JSON.stringify([position.respondBy, position.id]));
}

/** @throws {InvalidCursorError} when `cursor` was not made by {@link encodeCursor}. */
export function decodeCursor(cursor: string): CursorPosition {
  let value: unknown;
  try {
    value = JSON.parse(fromBase64url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidCursorError();
  const [respondBy, id] = value as unknown[];
  // Only what this server puts in a cursor: a date a database can compare and an escalation id
  // (a UUID), so nothing a client makes up reaches a query (a NUL, year 0000, 275760).
  if (typeof respondBy !== 'string' || typeof id !== 'string' || !isUuid(id) || !inStorableRange(respondBy)) {
    throw new InvalidCursorError();
  }
  return { respondBy: new Date(respondBy).toISOString(), id };
}

/**
 * Every status and urgency with 0, so a dashboard shows "resolved: 0" instead of nothing.
 * Categories are open-ended (hosts add their own), so only the handler can zero-fill them.
 */
export function emptyStats(): Stats {
  return {
    total: 0,
    byCategory: {},
    byUrgency: Object.fromEntries(urgencies.map((u) => [u, 0])),
    byStatus: Object.fromEntries(escalationStatuses.map((s) => [s, 0])),
    byDay: [],
    resolvedShare: 0,
  };
}

/**
 * What `toISOString()` gives back as it is: four digits of year, a month, a day that every month
 * has (29 to 31 take the long way: February 30 would become March 2), a time of day.
 */
const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Timestamps leave every store as `Date#toISOString()`, so stores agree and strings sort by time.
 * Most are that already (each time of a new escalation comes through here three times on its way
 * in): testing the pattern costs a twentieth of parsing and writing it again.
 */
export function isoString(value: Date | string): string {
  if (typeof value === 'string' && CANONICAL.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
