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

/** Timestamps leave every store as `Date#toISOString()`, so stores agree and strings sort by time. */
export function isoString(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
