/**
 * A small, real OpenID Connect provider on 127.0.0.1 for the SSO tests: a discovery document, a
 * JWKS, an authorization endpoint that signs in whoever the test says (no form: it redirects
 * straight back with a code), and a token endpoint that checks the client's secret, the redirect
 * URI and the PKCE verifier, spends the code once, and issues an id_token signed RS256 with
 * node:crypto. The test can make the next answer go wrong the way an attacker or an outage would.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

/** What the next sign-in does differently; each is used once. */
export interface Mischief {
  /** Sign the id_token with a key the JWKS does not publish (same `kid`). */
  foreignKey?: boolean;
  /** Put this nonce in the id_token instead of the one the authorization request sent. */
  nonce?: string;
  /** Answer the authorization request with `?error=` instead of a code. */
  deny?: string;
}

interface Grant {
  person: ProviderPerson;
  nonce: string | undefined;
  challenge: string;
  redirectUri: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function keyPair(): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' } };
}

export async function startOidcProvider(client: { clientId: string; clientSecret: string }) {
  const own = keyPair();
  const foreign = createPrivateKey(keyPair().privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const grants = new Map<string, Grant>();
  let person: ProviderPerson = { sub: 'nobody' };
  let mischief: Mischief = {};
  /** Every nonce the authorization endpoint was sent, in order. */
  const nonces: string[] = [];
  let issuer = '';

  function idToken(grant: Grant): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'test-key' };
    const payload = { iss: issuer, aud: client.clientId, iat: now, exp: now + 300, nonce: mischief.nonce ?? grant.nonce, ...grant.person };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(input), mischief.foreignKey ? foreign : own.privateKey);
    mischief = {};
    return `${input}.${b64url(signature)}`;
  }

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

  function authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== client.clientId || !redirectUri || q.get('response_type') !== 'code')
      return send(res, 400, { error: 'invalid_request' });
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
      return send(res, 400, { error: 'invalid_request', error_description: 'PKCE S256 is required' });
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (q.get('nonce')) nonces.push(q.get('nonce')!);
    if (mischief.deny) {
      back.searchParams.set('error', mischief.deny);
      mischief = {};
    } else {
      const code = b64url(randomBytes(24));
      grants.set(code, { person, nonce: q.get('nonce') ?? undefined, challenge: q.get('code_challenge')!, redirectUri });
      back.searchParams.set('code', code);
    }
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.href }).end();
  }

  function token(req: IncomingMessage, body: string, res: ServerResponse) {
    // client_secret_basic: id and secret form-urlencoded (RFC 6749 §2.3.1), then base64.
    const [, encoded = ''] = /^Basic (\S+)$/.exec(req.headers.authorization ?? '') ?? [];
    const [id, secret] = Buffer.from(encoded, 'base64')
      .toString()
      .split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    if (id !== client.clientId || secret !== client.clientSecret) return send(res, 401, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    const code = form.get('code') ?? '';
    const grant = grants.get(code);
    // A code is good once (RFC 6749 §4.1.2): a replayed callback gets nothing.
    grants.delete(code);
    if (form.get('grant_type') !== 'authorization_code' || !grant) return send(res, 400, { error: 'invalid_grant' });
    if (form.get('redirect_uri') !== grant.redirectUri)
      return send(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri' });
    if (
      b64url(
        createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest(),
      ) !== grant.challenge
    ) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'PKCE verifier' });
    }
    send(res, 200, {
      access_token: b64url(randomBytes(24)),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken(grant),
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (url.pathname === '/.well-known/openid-configuration') {
        return send(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
        });
      }
      if (url.pathname === '/jwks') return send(res, 200, { keys: [own.jwk] });
      if (url.pathname === '/authorize' && req.method === 'GET') return authorize(url, res);
      if (url.pathname === '/token' && req.method === 'POST') return token(req, body, res);
      send(res, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    nonces,
    /** Who the provider signs in from now on. */
    signInAs(next: ProviderPerson) {
      person = next;
    },
    /** Makes the next sign-in go wrong in one way. */
    misbehave(next: Mischief) {
      mischief = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type OidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;
