/**
 * A browser reduced to what an SSO sign-in needs, for tests over real HTTP: it follows redirects
 * by hand, one hop at a time (so a test can look at, or tamper with, each), and keeps the cookies
 * the escalation server sets, by name and path, dropping those that expire. The provider sets
 * none, so one jar for the server is enough.
 */

interface Cookie {
  value: string;
  path: string;
  attributes: string;
}

export interface Hop {
  url: string;
  status: number;
  location: string | undefined;
  setCookies: string[];
}

export class SsoClient {
  readonly cookies = new Map<string, Cookie>();

  constructor(readonly serverOrigin: string) {}

  /** The `Cookie` header the browser would send to `url` of the server. */
  cookieHeader(url: URL): string {
    if (url.origin !== this.serverOrigin) return '';
    return [...this.cookies]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  /** One request, no redirect followed; cookies the server set are kept. */
  async get(target: string, headers: Record<string, string> = {}): Promise<{ hop: Hop; response: Response }> {
    const url = new URL(target, this.serverOrigin);
    const cookie = this.cookieHeader(url);
    const response = await fetch(url, { redirect: 'manual', headers: { ...headers, ...(cookie && { cookie }) } });
    const setCookies = response.headers.getSetCookie();
    if (url.origin === this.serverOrigin) for (const line of setCookies) this.#keep(line);
    const location = response.headers.get('location') ?? undefined;
    return { hop: { url: url.href, status: response.status, location: location && new URL(location, url).href, setCookies }, response };
  }

  #keep(line: string) {
    const [pair = '', ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const attributes = rest.map((a) => a.trim()).join('; ');
    const path = /(?:^|; )Path=([^;]*)/i.exec(attributes)?.[1] ?? '/';
    if (/(?:^|; )Max-Age=0(?:;|$)/i.test(attributes) || value === '') this.cookies.delete(name);
    else this.cookies.set(name, { value, path, attributes });
  }

  /**
   * Follows redirects from `start` until an answer that is not one, or one to the inbox (where
   * every sign-in ends: the page itself is not fetched); `rewrite` may change a hop's target
   * before it is followed, as an attacker between the provider and the browser would.
   */
  async follow(start: string, rewrite: (url: URL) => URL = (u) => u): Promise<Hop[]> {
    const hops: Hop[] = [];
    let target: string | undefined = start;
    while (target !== undefined && hops.length < 10) {
      const { hop, response } = await this.get(rewrite(new URL(target, this.serverOrigin)).href);
      await response.body?.cancel();
      hops.push(hop);
      target = hop.status >= 300 && hop.status < 400 ? hop.location : undefined;
      if (target !== undefined && new URL(target).pathname === '/inbox') break;
    }
    return hops;
  }

  /** The session as the inbox would read it: the user and CSRF token, or the 401's body. */
  async session(): Promise<{ status: number; body: Record<string, unknown> }> {
    const { response } = await this.get('/api/session');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}

/** Where the last hop of a sign-in ended: the path and the `sign_in_error`, if any. */
export function landing(hops: Hop[]): { path: string; error: string | null } {
  const last = hops.at(-1)!;
  const url = new URL(last.location ?? last.url);
  return { path: url.pathname, error: url.searchParams.get('sign_in_error') };
}
