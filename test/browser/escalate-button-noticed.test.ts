/**
 * Noticed as typed (docs/policy.md#noticed-as-typed): what the note suggests, typed with the real
 * keyboard; one click or key to confirm, never set by itself, a dismissal that sticks, and one
 * polite announcement rather than one per keystroke.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { es } from '@escalate-kit/element/strings/es';
import {
  deepActive,
  exampleNotes,
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
  toggle,
} from './support/element.ts';
import { pause, press } from './support/pointer.ts';

/** Longer than the pause after which new suggestions are announced. */
const quiet = () => pause(1200);

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

const suggestions = (el: EscalateButton) => [...root(el).querySelectorAll('[data-suggestion]')];
const suggestionTexts = (el: EscalateButton) => suggestions(el).map((s) => text(s.querySelector('span')));

/** Types into the note with the keyboard, from wherever its caret is. */
async function write(el: EscalateButton, words: string) {
  field(el, 'notes').focus();
  await sendKeys({ type: words });
  await el.updateComplete;
}

describe('noticed as typed', () => {
  it('offers a phrase as a suggestion, sets nothing by itself, and a suggestion accepted by keyboard sets the signal', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', contactMethod: 'email' });
    await write(el, 'Customer will call a lawyer about the late fee. Tried: explained the fee.');
    expect(suggestionTexts(el)).to.deep.equal(['Mentions “lawyer”: flag a legal threat?']);
    await quiet();
    expect(toggle(el, 'legalThreat').checked, 'never set without the agent').to.equal(false);

    await sendKeys({ press: 'Tab' });
    const flag = suggestions(el)[0]!.querySelector('button')!;
    expect(deepActive()).to.equal(flag, 'the suggestion follows the note');
    expect(text(flag)).to.equal('Flag');
    expect(text(root(el).getElementById(flag.getAttribute('aria-describedby')!))).to.contain('lawyer');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle(el, 'legalThreat').checked).to.equal(true);
    expect(suggestions(el)).to.have.length(0);
    expect(deepActive()).to.equal(toggle(el, 'managerRequested'), 'focus moves on to the toggles');
    expect(spokenIn(el, 'Set: Threatens legal action, a regulator or the BBB.')).to.have.length(1);

    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.signals).to.deep.equal({ legalThreat: true });
  });

  it('sends none of what the note suggests unless the agent confirms it', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: exampleNotes, contactMethod: 'email' });
    expect(suggestionTexts(el)).to.deep.equal([
      'Mentions “$450”: a credit or a refund of $450.00?',
      'Mentions “manager”: flag that they ask for a manager?',
      'Mentions “BBB”: flag a legal threat?',
    ]);
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body).not.to.have.property('signals');
  });

  it('suggests nothing for a negated phrase ("not going to sue")', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await write(el, 'Customer is not going to sue, she just wants the fee explained.');
    await quiet();
    expect(suggestions(el)).to.have.length(0);
    expect(spokenIn(el, 'Mentions')).to.have.length(0);
  });

  it('takes an amount as the credit or refund the agent picks', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await fill(el, { category: 'other' });
    await write(el, 'They were charged $150 twice and want it back.');
    const [credit, refund] = suggestions(el)[0]!.querySelectorAll('button');
    expect([text(credit), text(refund)]).to.deep.equal(['Credit', 'Refund']);
    await press(refund!);
    await el.updateComplete;
    expect(field<HTMLSelectElement>(el, 'amountKind').value).to.equal('refund');
    expect(field(el, 'amount').value).to.equal('150');
    expect(text(root(el).getElementById('routing-line'))).to.contain('Billing Team');
  });

  it('does not bring back a dismissed suggestion for that phrase, even after more typing or a reopen', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await write(el, 'Customer asked for a manager twice.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Dismiss');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(suggestions(el)).to.have.length(0);
    expect(deepActive()).to.equal(toggle(el, 'managerRequested'));
    await write(el, ' Still wants the manager.');
    expect(suggestions(el)).to.have.length(0);
    el.close();
    await el.open();
    expect(suggestions(el)).to.have.length(0);
    expect(toggle(el, 'managerRequested').checked).to.equal(false);
  });

  it('still offers another phrase of a signal whose first phrase was dismissed', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await write(el, 'Customer will call a lawyer about the fee.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Dismiss');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(suggestions(el)).to.have.length(0);
    await write(el, ' Later he said his attorney will write.');
    expect(suggestionTexts(el)).to.deep.equal(['Mentions “attorney”: flag a legal threat?']);
  });

  it('announces new suggestions once, politely, when typing pauses: not on every keystroke', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    const region = root(el).querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said: string[] = [];
    new MutationObserver(() => said.push(text(region))).observe(region, { childList: true, subtree: true, characterData: true });
    await write(el, 'The customer is angry');
    expect(
      said.filter((s) => s.includes('Mentions')),
      'nothing said while typing',
    ).to.have.length(0);
    await quiet();
    await write(el, ' and yelling about the bill');
    await quiet();
    expect(said.filter((s) => s.includes('Mentions'))).to.deep.equal(['Noticed in your note: Mentions “angry”: flag that they are upset?']);
  });

  it("notices the note's language: the strings' locale, or the closest lang", async () => {
    const el = await mount(scenario('ok').endpoint);
    el.strings = es;
    await el.open();
    await write(el, 'El cliente dice que llamará a su abogado.');
    expect(suggestionTexts(el)).to.deep.equal(['Menciona «abogado»: ¿marcar una amenaza legal?']);
    expect(text(suggestions(el)[0]!.querySelector('button'))).to.equal('Marcar');

    fixtureCleanup();
    sessionStorage.clear();
    const holder = await fixture(
      `<div lang="es"><escalate-button task-id="T-ES" endpoint="${scenario('ok').endpoint}"></escalate-button></div>`,
    );
    const inSpanishPage = holder.querySelector('escalate-button')!;
    await inSpanishPage.open();
    // "gerente" is a phrase of the Spanish list only.
    await write(inSpanishPage, 'Quiere hablar con el gerente ahora.');
    expect(suggestionTexts(inSpanishPage)).to.deep.equal(['Mentions “gerente”: flag that they ask for a manager?']);
  });
});
