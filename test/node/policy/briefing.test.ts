/** The briefing for the receiving team (docs/policy.md#briefing). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { briefing, briefingFor, deadlines, defaultPolicy, definePolicy, parseNotes } from '@escalate-kit/sdk';

describe('briefing', () => {
  it('fills the briefing template (docs/policy.md#briefing) with every fact, as a person would say it', () => {
    assert.equal(
      briefing({
        escalationPoint: 'Dana',
        customerName: 'Ana Ruiz',
        accountId: '88231',
        issue: 'a disputed $450 charge',
        tried: 'explaining the policy and offering a payment plan',
        result: 'she still disputes it',
        why: 'she wants a manager',
        emotionalState: 'upset',
        requesting: 'a full refund',
        recommendation: 'a one-off goodwill credit',
        deadline: 'Please answer within 4 hours',
      }),
      'Dana, I need to escalate Ana Ruiz (account 88231). The issue: a disputed $450 charge. ' +
        "What I've tried: explaining the policy and offering a payment plan, but she still disputes it. Why I'm escalating: she wants a manager. " +
        'Ana Ruiz is upset, and is asking for a full refund. I recommend a one-off goodwill credit. Please answer within 4 hours. Can you help?',
    );
  });

  it('leaves out sentences whose facts are missing and uses the defaults', () => {
    const text = briefing({ issue: 'a disputed $450 charge', tried: 'explaining the policy' });
    assert.equal(
      text,
      "Account Team, I need to escalate a customer. The issue: a disputed $450 charge. What I've tried: explaining the policy. Can you help?",
    );
    assert.doesNotMatch(text, /[[\]{}]|I recommend|asking for/);
  });

  it('keeps the part of a sentence that is known', () => {
    assert.match(briefing({ issue: 'x', emotionalState: 'angry' }), /They are angry\. Can you help\?$/);
    assert.match(briefing({ issue: 'x', requesting: 'a refund' }), /They are asking for a refund\./);
    assert.match(briefing({ issue: 'x', accountId: 'A-9' }), /^Account Team, I need to escalate account A-9\./);
    assert.match(briefing({ issue: 'x', customerName: 'Ana' }), /^Account Team, I need to escalate Ana\./);
  });

  it('does not double the full stop of facts taken from notes', () => {
    const notes = parseNotes('Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan.');
    const text = briefing({ issue: notes.issue ?? '', tried: notes.tried });
    assert.match(text, /The issue: Customer disputing \$450 charge\. What I've tried: Explained policy, offered payment plan\. Can/);
    assert.doesNotMatch(text, /\.\./);
  });

  it('treats blank facts as missing', () => {
    assert.doesNotMatch(briefing({ issue: 'x', recommendation: '  ' }), /I recommend/);
  });

  it('briefs a stored escalation from everything the agent gave, each fact once', () => {
    const request = {
      notes:
        'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
      customer: { name: 'Ana Ruiz', accountId: '88231' },
      signals: { upset: true, legalThreat: true, refund: 450 },
      recommendation: 'a goodwill credit of $50 while billing investigates',
    };
    const d = deadlines(
      { category: 'billing', urgency: 'standard', signals: request.signals },
      definePolicy({ calendar: { timeZone: 'UTC' } }),
      new Date('2025-11-14T10:00:00Z'),
    );
    const text = briefingFor(request, d.routing, defaultPolicy, d.respondBy);
    assert.equal(
      text,
      'Legal / Compliance Team, I need to escalate Ana Ruiz (account 88231). The issue: Customer disputing $450 charge. ' +
        "What I've tried: Explained policy, offered payment plan. Why I'm escalating: Customer demands manager, threatening BBB. " +
        'Ana Ruiz is upset and threatening legal action, and is asking for a refund of $450. I recommend a goodwill credit of $50 while billing investigates. ' +
        'Please answer within 4 hours (level 2, Supervisor / Manager; high priority). Can you help?',
    );
    for (const part of ['Customer disputing $450 charge', 'Explained policy, offered payment plan', 'threatening BBB']) {
      assert.equal(text.split(part).length - 1, 1, `${part} once`);
    }
  });
});

describe('briefingFor a note without an issue label', () => {
  it('says what was tried and why once, and no issue sentence made of the whole note', () => {
    const text = briefingFor(
      { notes: 'Tried: reset the router twice. Why: still drops every hour.' },
      { team: 'technical', level: 1, levelName: 'Team Leader / Senior Agent', priority: 'medium' },
    );
    assert.equal(
      text,
      "Technical Support Team, I need to escalate a customer. What I've tried: reset the router twice. Why I'm escalating: still drops every hour. Can you help?",
    );
  });
});
