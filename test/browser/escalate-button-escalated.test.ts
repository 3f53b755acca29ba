/**
 * A task that is already escalated: the button says where its escalation stands ("Escalated ·
 * contacted 2 hours ago · ref …") and opens it read-only, by pointer and by keyboard; `lookup`
 * asks the client for it; a resolved one gives the Escalate button back.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import { escalationReference, type EscalationState } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { es } from '@escalate-kit/element/strings/es';
import { dialogOf, root, text } from './support/element.ts';
import { press } from './support/pointer.ts';

afterEach(async () => {
  fixtureCleanup();
  await resetMouse();
});

const hour = 3_600_000;
const state = (over: Partial<EscalationState> = {}): EscalationState => ({
  id: '7f3ca1b2-0000-4000-8000-000000000001',
  taskId: 'T-1042',
  status: 'contacted',
  team: 'billing',
  respondBy: new Date(Date.now() + 20 * hour).toISOString(),
  receivedAt: new Date(Date.now() - 5 * hour).toISOString(),
  since: new Date(Date.now() - 2 * hour).toISOString(),
  ...over,
});

/** A host's client: `escalate` never called here, `list` answers what the test says. */
function clientListing(answer: () => Promise<EscalationState[]>) {
  const calls: unknown[] = [];
  const escalations: unknown[] = [];
  return {
    calls,
    escalations,
    client: {
      escalate: (input: unknown) => (escalations.push(input), Promise.reject(new Error('not in this test'))),
      list: (query: unknown) => (calls.push(query), answer()),
    },
  };
}

const button = (el: EscalateButton) => root(el).querySelector<HTMLButtonElement>('button[part="button"]')!;

describe('a task already escalated', () => {
  it('says where it stands on the button, and opens it read-only on a click, focus on its heading', async () => {
    const s = state();
    const el = await fixture<EscalateButton>(
      html`<escalate-button task-id="T-1042" endpoint="/nowhere" .escalation=${s}></escalate-button>`,
    );
    // "Escalated" from the first render; the whole line once the dialog's module is in.
    expect(text(button(el))).to.match(/^Escalated/);
    expect(button(el).dataset.escalated).to.equal('contacted');
    await waitFor(() => text(button(el)).includes('·'));
    expect(text(button(el))).to.equal(`Escalated · contacted 2 hours ago · ref ${escalationReference(s.id)}`);

    const opened = new Promise((r) => el.addEventListener('escalate-open', r, { once: true }));
    await press(button(el));
    await opened;
    const panel = root(el).querySelector('[part="result"].state')!;
    expect(dialogOf(el).open).to.equal(true);
    expect(root(el).querySelector('form'), 'no form to fill').to.equal(null);
    expect(text(panel.querySelector('h3'))).to.equal('Escalated · contacted');
    expect(root(el).activeElement).to.equal(panel.querySelector('h3'));
    expect(text(panel)).to.contain(`Reference ${escalationReference(s.id)}`);
    expect(text(panel)).to.contain('Team Billing Team');
    expect(panel.querySelector('time')!.getAttribute('datetime')).to.equal(s.since);

    // Closing is not an outcome: no escalate-done, so a host never takes the task away for it.
    let done = false;
    el.addEventListener('escalate-done', () => (done = true));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(done).to.equal(false);
    expect(root(el).activeElement).to.equal(button(el));

    // By keyboard too: Enter on the focused button opens it again, still read-only.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(dialogOf(el).open).to.equal(true);
    expect(root(el).querySelector('[part="result"].state')).not.to.equal(null);
  });

  it('asks the client with `lookup`, and shows what is under way (not what is resolved)', async () => {
    const s = state({ status: 'waiting' });
    const host = clientListing(async () => [state({ id: '00000000-0000-4000-8000-000000000009', status: 'resolved' }), s]);
    const el = await fixture<EscalateButton>(html`<escalate-button task-id="T-1042" lookup .client=${host.client}></escalate-button>`);
    await waitFor(() => el.escalation !== undefined);
    await waitFor(() => text(button(el)).includes('·'));
    expect(host.calls).to.deep.equal([{ taskId: 'T-1042' }]);
    expect(text(button(el))).to.equal(`Escalated · waiting on the customer 2 hours ago · ref ${escalationReference(s.id)}`);
  });

  it('stays an Escalate button when the lookup fails or finds only resolved ones, and opens the form', async () => {
    const failing = clientListing(() => Promise.reject(new Error('network')));
    const a = await fixture<EscalateButton>(html`<escalate-button task-id="T-1" lookup .client=${failing.client}></escalate-button>`);
    await waitFor(() => failing.calls.length === 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(text(button(a))).to.equal('Escalate');

    const el = await fixture<EscalateButton>(
      html`<escalate-button task-id="T-2" endpoint="/nowhere" .escalation=${state({ status: 'resolved' })}></escalate-button>`,
    );
    expect(text(button(el))).to.equal('Escalate');
    await press(button(el));
    await waitFor(() => dialogOf(el)?.open === true);
    expect(root(el).querySelector('form')).not.to.equal(null);
  });

  it('never shows the state of a task it no longer shows', async () => {
    let answer!: (states: EscalationState[]) => void;
    const host = clientListing(() => new Promise((r) => (answer = r)));
    const el = await fixture<EscalateButton>(html`<escalate-button task-id="T-OLD" lookup .client=${host.client}></escalate-button>`);
    await waitFor(() => host.calls.length === 1);
    el.taskId = 'T-NEW';
    answer([state({ taskId: 'T-OLD' })]);
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.escalation).to.equal(undefined);
    expect(text(button(el))).to.equal('Escalate');
  });

  it('speaks the host language: Spanish strings and their relative time', async () => {
    const s = state({ status: 'open', since: new Date(Date.now() - 26 * hour).toISOString() });
    const el = await fixture<EscalateButton>(
      html`<escalate-button task-id="T-1042" endpoint="/nowhere" .strings=${es} .escalation=${s}></escalate-button>`,
    );
    await waitFor(() => text(button(el)).includes('·'));
    expect(text(button(el))).to.equal(`Escalado · abierto ayer · ref. ${escalationReference(s.id)}`);
  });
});

async function waitFor(ok: () => boolean) {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok(), 'condition met in time').to.equal(true);
}
