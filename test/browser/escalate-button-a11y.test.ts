/**
 * What assistive tech is told is true: required and invalid in Chromium's accessibility tree
 * (the `ax-tree` command, CDP), one announcement per error summary, and errors that say clearly
 * what is wrong.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys } from '@web/test-runner-commands';
import { definePolicy } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import {
  choose,
  deepActive,
  field,
  fill,
  logOf,
  mount,
  next,
  root,
  scenario,
  spokenIn,
  submitButton,
  text,
  type,
} from './support/element.ts';
import { press } from './support/pointer.ts';

const button = mount;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

describe('the accessibility tree (CDP snapshot) tells the truth', () => {
  type Node = { role: string; name: string; required: boolean; invalid: boolean };
  const snapshot = () => executeServerCommand<Node[], undefined>('ax-tree');

  it('says required on every required field and invalid on none before the agent has been there', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    choose(el, 'contactMethod', 'call');
    await el.updateComplete;
    // The radio choice above counts as being there for the method; start again from the other fields.
    let nodes = await snapshot();
    const find = (role: string, name: RegExp) => nodes.find((n) => n.role === role && name.test(n.name));
    const required = {
      notes: find('textbox', /^Write a quick note/),
      method: find('radiogroup', /^How should the account team contact/),
      phone: find('textbox', /^Customer's phone number/),
    };
    for (const [name, node] of Object.entries(required)) {
      expect(node, `${name} is in the tree`).to.not.equal(undefined);
      expect(node!.required, `${name} is required`).to.equal(true);
    }
    // Chromium leaves `required` out of a native <select>'s node, whether it comes from the
    // attribute or from aria-required (other engines expose it): the select carries the native
    // attribute, and must not be invalid for it before the agent has been there.
    expect(find('combobox', /^Category/), 'category is in the tree').to.not.equal(undefined);
    expect(field<HTMLSelectElement>(el, 'category').required).to.equal(true);
    expect(
      nodes.filter((n) => n.invalid).map((n) => `${n.role} ${n.name}`),
      'nothing invalid yet',
    ).to.deep.equal([]);

    // Leaving Category empty by keyboard makes it, and only it, invalid.
    field(el, 'category').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    nodes = await snapshot();
    expect(nodes.filter((n) => n.invalid).map((n) => n.role)).to.deep.equal(['combobox']);
  });

  it('announces the error summary once', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    await press(submitButton(el));
    await el.updateComplete;
    expect(spokenIn(el, 'fields need your attention')).to.have.length(1);
  });
});

describe('fields say clearly what is wrong', () => {
  it('an invalid e-mail turns red like the select, and the notes error does not repeat the label', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    await press(submitButton(el));
    choose(el, 'contactMethod', 'email');
    await el.updateComplete;
    type(el, 'email', 'not-an-address');
    field(el, 'email').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const email = field(el, 'email');
    const select = field(el, 'category');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const danger = getComputedStyle(root(el).querySelector('.error')!).color;
    expect(getComputedStyle(email).borderTopColor).to.equal(danger);
    expect(getComputedStyle(select).borderTopColor).to.equal(danger);
    const label = text(root(el).querySelector('label[for="notes"]'));
    const error = text(root(el).getElementById('notes-error'));
    expect(error).to.not.equal(label);
    expect(error).to.not.contain('what the issue is, what you tried');
  });

  it('refuses a note that is not yet a sentence ("help"), says why, and sends nothing', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: 'help', contactMethod: 'email' });
    await press(submitButton(el));
    await el.updateComplete;
    expect(text(root(el).getElementById('notes-error'))).to.match(/at least 20 characters.*the issue, what you tried and why/);
    expect(deepActive()).to.equal(field(el, 'notes'));
    expect(await logOf(tag)).to.have.length(0);
  });

  it('takes the shortest note from the policy', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="ana@example.com"');
    el.policy = definePolicy({ notes: { minLength: 4 } });
    await el.open();
    await fill(el, { category: 'billing', notes: 'help', contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.notes).to.equal('help');
  });
});
