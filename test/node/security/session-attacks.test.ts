/**
 * Sessions and sign-in attacked: a session id planted before sign-in (fixation), a session used
 * after sign-out or past its idle and absolute time (an injected clock), and passwords guessed
 * against one account or from one address until the lockout, and its release.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { attackHarness, codeOf, type Harness, type Session } from './attack-harness.ts';

describe('session fixation and expiry', () => {
  const idleMs = 30 * 60_000;
  const absoluteMs = 4 * 3_600_000;
  let h: Harness;
  before(async () => (h = await attackHarness({ session: { idleMs, absoluteMs } })));
  after(() => h.close());
  const whoami = (session: Session) => h.call('GET', '/api/session', { session });

  it('never takes a session id the client chose: sign-in issues a new one and ends the one it came with', async () => {
    const chosen = 'fixed-by-the-attacker-0123456789abcdefghijk';
    assert.equal(chosen.length, 43);
    const planted: Session = { id: chosen, cookie: `escalate_session=${chosen}`, csrfToken: '' };
    await codeOf(await whoami(planted), 401);
    const signedIn = await h.session(h.people.member, { cookie: planted.cookie });
    assert.notEqual(signedIn.id, chosen);
    await codeOf(await whoami(planted), 401);
    // Signing in again, with the live session's cookie: a new id, and the old one is dead.
    const again = await h.session(h.people.member, { cookie: signedIn.cookie });
    assert.notEqual(again.id, signedIn.id);
    assert.notEqual(again.csrfToken, signedIn.csrfToken);
    await codeOf(await whoami(signedIn), 401);
    assert.equal((await whoami(again)).status, 200);
  });

  it('ends the session on sign-out: the cookie is cleared and the old id never works again', async () => {
    const session = await h.session(h.people.lead);
    const out = await h.call('DELETE', '/api/session', { session });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^escalate_session=; .*Max-Age=0/);
    await codeOf(await whoami(session), 401);
    await codeOf(await h.call('GET', '/api/escalations', { session }), 401);
    await codeOf(await h.call('POST', '/api/keys', { session, body: { name: 'after sign-out' } }), 401);
  });

  it('ends a session idle for idleMs, and one older than absoluteMs however busy; an ended one stays ended', async () => {
    const idle = await h.session(h.people.member);
    h.clock.advance(idleMs - 1000);
    assert.equal((await whoami(idle)).status, 200, 'just within the idle time');
    h.clock.advance(idleMs - 1000);
    assert.equal((await whoami(idle)).status, 200, 'the use above restarted the idle time');
    h.clock.advance(idleMs);
    await codeOf(await whoami(idle), 401);

    const busy = await h.session(h.people.member);
    for (let used = 0; used < absoluteMs - idleMs / 2; used += idleMs / 2) {
      assert.equal((await whoami(busy)).status, 200);
      h.clock.advance(idleMs / 2);
    }
    h.clock.advance(idleMs / 2);
    await codeOf(await whoami(busy), 401);
    // Expired sessions are deleted, not only refused: turning the clock back revives nothing.
    h.clock.advance(-absoluteMs);
    await codeOf(await whoami(busy), 401);
    await codeOf(await whoami(idle), 401);
    h.clock.advance(absoluteMs);
  });
});

describe('lockout after failed sign-ins', () => {
  const lockMs = 10 * 60_000;
  let h: Harness;
  before(async () => (h = await attackHarness({ lockout: { maxFailures: 3, maxFailuresPerAddress: 5, lockMs, windowMs: lockMs } })));
  after(() => h.close());
  const from = (ip: string) => ({ 'x-client-ip': ip });
  const wrong = (email: string) => ({ email, password: 'not the password at all' });

  it('locks an account after maxFailures, even against the right password, whoever asks; unlocks after lockMs', async () => {
    const { member, lead } = h.people;
    for (let i = 0; i < 3; i++)
      assert.equal(await codeOf(await h.signIn(wrong(member.email), from(`10.0.0.${i}`)), 401), 'invalid_credentials');
    const locked = await h.signIn(member, from('10.9.9.9'));
    assert.equal(await codeOf(locked, 429), 'locked');
    assert.equal(locked.headers.get('retry-after'), String(lockMs / 1000));
    assert.equal(locked.headers.get('set-cookie'), null);
    // Another account from the same addresses is not affected.
    assert.equal((await h.signIn(lead, from('10.0.0.1'))).status, 200);
    // An unknown e-mail locks the same way: the lock does not tell whether an account exists.
    for (let i = 0; i < 3; i++) await codeOf(await h.signIn(wrong('nobody@example.com'), from('10.1.0.1')), 401);
    await codeOf(await h.signIn(wrong('nobody@example.com'), from('10.1.0.2')), 429);
    h.clock.advance(lockMs - 1000);
    const stillLocked = await h.signIn(member, from('10.9.9.9'));
    assert.equal(await codeOf(stillLocked, 429), 'locked');
    assert.equal(stillLocked.headers.get('retry-after'), '1');
    h.clock.advance(1000);
    assert.equal((await h.signIn(member, from('10.9.9.9'))).status, 200);
  });

  it('locks an address after maxFailuresPerAddress across accounts, for that address only; a success there does not reset it', async () => {
    const { agent, otherAgent } = h.people;
    const attacker = from('203.0.113.7');
    for (let i = 0; i < 4; i++) await codeOf(await h.signIn(wrong(`guess${i}@example.com`), attacker), 401);
    assert.equal((await h.signIn(agent, attacker)).status, 200);
    await codeOf(await h.signIn(wrong('guess4@example.com'), attacker), 401);
    assert.equal(await codeOf(await h.signIn(otherAgent, attacker), 429), 'locked');
    assert.equal((await h.signIn(otherAgent, from('198.51.100.1'))).status, 200);
    h.clock.advance(lockMs);
    assert.equal((await h.signIn(otherAgent, attacker)).status, 200);
  });
});
