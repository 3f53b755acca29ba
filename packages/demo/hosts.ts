/**
 * Which `Host` headers the demo answers. A page on an attacker's domain that re-points its DNS
 * name at 127.0.0.1 (DNS rebinding) is same-origin with itself, so neither CORS nor SameSite
 * would stop it from reading the task queue or posting through the demo's back end, which holds
 * an API key. Its requests carry its own name in `Host`: answering only IP literals, `localhost`
 * and the names in ALLOWED_HOSTS shuts it out (an IP literal cannot be rebound).
 */
import { isIP } from 'node:net';

/** The host name of a `Host` header (`[::1]:5173` → `::1`), or undefined when it is malformed. */
function hostName(header: string): string | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/i.exec(header.trim());
  return match ? (match[1] ?? match[2])!.toLowerCase().replace(/\.$/, '') : undefined;
}

/** @param extra host names to answer besides loopback and IP literals (ALLOWED_HOSTS, comma-separated). */
export function createHostCheck(extra: readonly string[] = []): (header: string | undefined) => boolean {
  const names = new Set(extra.map((h) => h.trim().toLowerCase()).filter(Boolean));
  return (header) => {
    const name = header === undefined ? undefined : hostName(header);
    if (name === undefined) return false;
    return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || names.has(name);
  };
}
