/**
 * A new escalation id (UUID v4). `crypto.randomUUID` is missing outside secure contexts
 * (plain http on a LAN address), so this falls back to `getRandomValues`.
 *
 * @example
 * ```ts
 * createEscalationId(); // '6f1c2d3e-1111-4222-8333-944455556666'
 * ```
 */
export function createEscalationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
