/** What the agent says and writes: the customer script and the note (docs/policy.md#customer-script, #notes). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerScript, definePolicy, parseNotes, suggestRouting, type ContactMethod, type Urgency } from '@escalate-kit/sdk';

describe('customerScript', () => {
  const before = "I'm escalating this to our account team. They have more authority to help you.";
  const table: [ContactMethod, Urgency | undefined, string][] = [
    ['call', 'urgent', 'Someone will contact you today by phone.'],
    ['call', 'standard', 'Someone will contact you within 2-3 business days by phone.'],
    ['call', undefined, 'Someone will contact you within 2-3 business days by phone.'],
    ['text', 'urgent', 'Someone will contact you today by text message.'],
    ['text', 'standard', 'Someone will contact you within 2-3 business days by text message.'],
    ['email', 'urgent', 'Someone will contact you today by email.'],
    ['email', 'standard', 'Someone will contact you within 2-3 business days by email.'],
  ];
  for (const [contactMethod, urgency, when] of table) {
    it(`${contactMethod}, ${urgency ?? 'default urgency'}: "${when}"`, () => {
      assert.deepEqual(customerScript(urgency ? { contactMethod, urgency } : { contactMethod }), { before, when });
    });
  }

  it('adds the line for a frustrated customer only when asked', () => {
    const script = customerScript({ contactMethod: 'email', frustrated: true });
    assert.equal(script?.frustrated, "I'm escalating because I want you to get the best help possible.");
    assert.equal('frustrated' in (customerScript({ contactMethod: 'email' }) ?? {}), false);
  });

  it('says nothing to the caller when fraud is suspected', () => {
    const routing = suggestRouting({ category: 'other', fraudSuspected: true });
    assert.equal(customerScript({ contactMethod: 'call', frustrated: true, routing }), null);
  });

  it('gives the script for any other routing', () => {
    const routing = suggestRouting({ category: 'complaint', legalThreat: true });
    assert.equal(customerScript({ contactMethod: 'call', routing })?.before, before);
  });

  it('uses the host wording', () => {
    const policy = definePolicy({ script: { methods: { text: 'SMS' } }, urgencies: { urgent: { phrase: 'within the hour' } } });
    assert.equal(
      customerScript({ contactMethod: 'text', urgency: 'urgent' }, policy)?.when,
      'Someone will contact you within the hour by SMS.',
    );
  });
});

describe('parseNotes', () => {
  it('parses the example of docs/policy.md#notes', () => {
    assert.deepEqual(
      parseNotes(
        'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
      ),
      {
        issue: 'Customer disputing $450 charge.',
        tried: 'Explained policy, offered payment plan.',
        why: 'Customer demands manager, threatening BBB.',
      },
    );
  });

  it('accepts any case, any order and newlines', () => {
    assert.deepEqual(parseNotes('WHY: threatening BBB\n\ntried:\n  explained policy\n  offered plan\nissue : $450 charge'), {
      why: 'threatening BBB',
      tried: 'explained policy offered plan',
      issue: '$450 charge',
    });
  });

  it('treats text without labels as the issue', () => {
    assert.deepEqual(parseNotes('  Customer is yelling about\na $450 charge. '), { issue: 'Customer is yelling about a $450 charge.' });
  });

  it('treats text before the first label as the issue when there is no Issue label', () => {
    assert.deepEqual(parseNotes('Router keeps rebooting. Tried: factory reset'), {
      issue: 'Router keeps rebooting.',
      tried: 'factory reset',
    });
  });

  it('does not mistake a word ending in a label for a label', () => {
    assert.deepEqual(parseNotes('Issue: we retried: twice'), { issue: 'we retried: twice' });
  });

  it('leaves out empty parts', () => {
    assert.deepEqual(parseNotes('Issue: billing error. Tried: Why: '), { issue: 'billing error.' });
    assert.deepEqual(parseNotes(''), {});
  });
});
