/**
 * The account team's work queue through the handler, auth on: claiming, releasing and assigning
 * (roles, 409 `already_assigned` naming the owner, 400 naming `userId`, the history's actor) and
 * the list's queue filters (`assignee=me|none|<id>`, `overdue=true` at the handler's clock, `q=`
 * with `%` and `_` as themselves), on the memory store and PGlite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StoredEscalation } from '../../../packages/server/src/index.ts';
import { storeKinds, wire } from '../../support/fixtures.ts';
import { attackHarness, codeOf, type Harness, type Session } from '../security/attack-harness.ts';
import { addPerson } from '../security/inbox-session.ts';

for (const kind of storeKinds) {
  describe(`work queue (${kind.name})`, () => {
    let h: Harness;
    let member: Session;
    let other: Session;
    let lead: Session;
    const ids: Record<'member' | 'other' | 'lead' | 'agent', string> = { member: '', other: '', lead: '', agent: '' };

    before(async () => {
      const store = await kind.open();
      // The second member before the harness's people, so both are there when it signs them in.
      const second = await addPerson(store, 'member', 'other.member@example.com');
      h = await attackHarness({}, store);
      [member, other, lead] = await Promise.all([h.session(h.people.member), h.session(second), h.session(h.people.lead)]);
      for (const [who, email] of [
        ['member', h.people.member.email],
        ['other', second.email],
        ['lead', h.people.lead.email],
        ['agent', h.people.agent.email],
      ] as const) {
        ids[who] = (await store.access.userByEmail(email))!.id;
      }
    });
    after(() => h.close());

    const send = async (overrides: Record<string, unknown> = {}) => {
      const body = wire(overrides);
      const response = await h.call('POST', '/api/escalations', { key: h.key.key, body, headers: { 'idempotency-key': body.id } });
      assert.equal(response.status, 201, await response.clone().text());
      return body.id;
    };
    const ok = async (response: Response) => {
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return JSON.parse(text) as StoredEscalation;
    };
    const claim = (id: string, session: Session) => h.call('POST', `/api/escalations/${id}/claim`, { session });
    const release = (id: string, session: Session) => h.call('POST', `/api/escalations/${id}/release`, { session });
    const assign = (id: string, session: Session, userId: string | null) =>
      h.call('PUT', `/api/escalations/${id}/assignee`, { session, body: { userId } });

    it('a member claims an unowned escalation; a second claim by the owner changes nothing', async () => {
      const id = await send();
      const claimed = await ok(await claim(id, member));
      assert.deepEqual(claimed.assignee, { id: ids.member, name: 'Morgan Member', email: h.people.member.email });
      const last = claimed.history.at(-1)!;
      assert.deepEqual(
        { from: last.from, to: last.to, assignee: last.assignee, actor: last.actor },
        {
          from: 'open',
          to: 'open',
          assignee: { id: ids.member, name: 'Morgan Member' },
          actor: { type: 'user', id: ids.member, email: h.people.member.email },
        },
      );
      const again = await ok(await claim(id, member));
      assert.equal(again.history.length, 1);
    });

    it("another member's claim is 409 already_assigned naming the owner; a lead takes it over", async () => {
      const id = await send();
      await ok(await claim(id, member));
      const refused = await claim(id, other);
      const body = (await refused.clone().json()) as { message: string; assignee: { id: string } };
      assert.equal(await codeOf(refused, 409), 'already_assigned');
      assert.match(body.message, /Morgan Member \(member@example\.com\) owns this escalation/);
      assert.equal(body.assignee.id, ids.member);
      const taken = await ok(await claim(id, lead));
      assert.equal(taken.assignee?.id, ids.lead);
      assert.deepEqual(
        taken.history.map((e) => e.assignee?.id),
        [ids.member, ids.lead],
      );
    });

    it('the owner or a lead releases; another member may not (403); releasing records null', async () => {
      const id = await send();
      await ok(await claim(id, member));
      assert.equal(await codeOf(await release(id, other), 403), 'forbidden');
      const released = await ok(await release(id, member));
      assert.equal(released.assignee, undefined);
      assert.equal(released.history.at(-1)!.assignee, null);
      await ok(await claim(id, other));
      const byLead = await ok(await release(id, lead));
      assert.equal(byLead.assignee, undefined);
      const actor = byLead.history.at(-1)!.actor;
      assert.equal(actor.type === 'user' ? actor.id : actor.type, ids.lead);
    });

    it('a lead assigns to a member or lead and releases with null; an agent or unknown id is 400 naming userId', async () => {
      const id = await send();
      assert.equal((await ok(await assign(id, lead, ids.other))).assignee?.id, ids.other);
      assert.equal((await ok(await assign(id, lead, ids.lead))).assignee?.id, ids.lead);
      for (const userId of [ids.agent, 'no-such-user']) {
        const refused = await assign(id, lead, userId);
        const { issues } = (await refused.clone().json()) as { issues: { path: string[] }[] };
        assert.equal(await codeOf(refused, 400), 'invalid_request');
        assert.deepEqual(
          issues.map((i) => i.path),
          [['userId']],
        );
      }
      assert.equal(
        await codeOf(await h.call('PUT', `/api/escalations/${id}/assignee`, { session: lead, body: {} }), 400),
        'invalid_request',
      );
      assert.equal((await ok(await assign(id, lead, null))).assignee, undefined);
      const history = (await ok(await h.call('GET', `/api/escalations/${id}`, { session: lead }))).history;
      assert.deepEqual(
        history.map((e) => e.assignee && e.assignee.id),
        [ids.other, ids.lead, null],
      );
    });

    it('roles: an agent or key neither claims, releases nor assigns; a member does not assign; unknown ids are 404', async () => {
      const id = await send();
      for (const path of [`/api/escalations/${id}/claim`, `/api/escalations/${id}/release`]) {
        assert.equal(await codeOf(await h.call('POST', path, { key: h.key.key }), 403), 'forbidden');
        assert.equal(await codeOf(await h.call('POST', path, { session: member, csrf: null }), 403), 'csrf');
        assert.equal(await codeOf(await h.call('POST', path), 401), 'unauthorized');
      }
      assert.equal(await codeOf(await assign(id, member, ids.member), 403), 'forbidden');
      assert.equal(await codeOf(await claim(crypto.randomUUID(), member), 404), 'not_found');
      assert.equal(await codeOf(await h.call('POST', '/api/escalations/not-a-uuid/claim', { session: member }), 404), 'not_found');
      assert.equal(await codeOf(await assign(crypto.randomUUID(), lead, ids.member), 404), 'not_found');
      assert.equal((await h.call('GET', `/api/escalations/${id}/claim`, { session: member })).status, 405);
    });

    it('lists by owner, overdue at the handler clock and free text, with % and _ as themselves', async () => {
      const tag = `Q${crypto.randomUUID().slice(0, 6)}`;
      const mine = await send({ taskId: `${tag}-1`, taskTitle: 'Refund 100% of the fee' });
      const nobodys = await send({ taskId: `${tag}_2`, customer: { name: 'Ana Diaz', accountId: 'ACC-1' } });
      await ok(await claim(mine, member));
      const list = async (query: string, session = member) => {
        const response = await h.call('GET', `/api/escalations?${query}`, { session });
        const text = await response.text();
        assert.equal(response.status, 200, text);
        return (JSON.parse(text) as { items: StoredEscalation[] }).items.map((r) => r.id);
      };
      const q = (text: string) => `q=${encodeURIComponent(text)}`;
      assert.deepEqual(await list(`${q(tag)}&assignee=me`), [mine]);
      assert.deepEqual(await list(`${q(tag)}&assignee=${ids.member}`, lead), [mine]);
      assert.deepEqual(await list(`${q(tag)}&assignee=none`), [nobodys]);
      assert.deepEqual(await list(`${q(tag.toLowerCase())}&${q('100%')}`), [mine]);
      assert.deepEqual(await list(q(`${tag}_`)), [nobodys]);
      assert.deepEqual(await list(`${q(`${tag}%`)}`), []);
      assert.deepEqual(await list(`${q(tag)}&${q('ana diaz')}`), [nobodys]);
      // A key is nobody: assignee=me is refused by name; bad values are too.
      for (const [query, as] of [
        ['assignee=me', { key: h.key.key }],
        ['overdue=yes', { session: lead }],
        [`q=${'x'.repeat(201)}`, { session: lead }],
        ['q=%00', { session: lead }],
      ] as const) {
        const refused = await h.call('GET', `/api/escalations?${query}`, as);
        const { issues } = (await refused.clone().json()) as { issues: { path: string[] }[] };
        assert.equal(await codeOf(refused, 400), 'invalid_request', query);
        assert.equal(issues[0]!.path[0], query.split('=')[0]);
      }
      // Friday 10:00, respond-by is later: nothing overdue; a week later both are (still open).
      assert.deepEqual(await list(`${q(tag)}&overdue=true`), []);
      h.clock.advance(7 * 86_400_000);
      try {
        // A week on, every session has expired (and is swept): a new one. This test is the last.
        const later = await h.session(h.people.member);
        assert.deepEqual((await list(`${q(tag)}&overdue=true`, later)).sort(), [mine, nobodys].sort());
        assert.deepEqual(await list(`${q(tag)}&overdue=true&assignee=me`, later), [mine]);
      } finally {
        h.clock.advance(-7 * 86_400_000);
      }
    });
  });
}
