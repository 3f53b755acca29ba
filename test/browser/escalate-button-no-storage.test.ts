/**
 * A page where sessionStorage throws on access (a sandboxed frame, some privacy modes): the
 * pointer's intent still loads the dialog (the shell opens the storage early then, see
 * dialog-loader.ts), nothing throws, and the form works without drafts. Its own file: intent is
 * heard once per page, before the dialog has loaded.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { EscalateButton } from '@escalate-kit/element';
import { deepActive, dialogOf, field, root, type, until } from './support/element.ts';
import { centre, press } from './support/pointer.ts';

describe('<escalate-button> without sessionStorage', () => {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  let el: EscalateButton;

  before(async () => {
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
    addEventListener('error', onError);
    document.body.insertAdjacentHTML('beforeend', '<escalate-button task-id="NS-1" endpoint="/api/escalations"></escalate-button>');
    await import('@escalate-kit/element/define');
    el = document.querySelector<EscalateButton>('escalate-button')!;
    await el.updateComplete;
  });

  after(async () => {
    removeEventListener('error', onError);
    el.remove();
    delete (window as { sessionStorage?: Storage }).sessionStorage;
    await resetMouse();
  });

  it('loads the dialog on the pointer’s intent and opens it, with nothing thrown and nothing kept', async () => {
    expect(() => window.sessionStorage).to.throw(DOMException);
    const trigger = root(el).querySelector('button')!;
    await sendMouse({ type: 'move', position: centre(trigger) });
    await press(trigger);
    await until(() => dialogOf(el)?.open, 'the dialog open');
    await until(() => deepActive() === field(el, 'category'), 'focus in the category');
    await type(el, 'notes', 'Customer disputes a charge');
    el.close();
    await el.open();
    // Without storage the draft lives as long as the dialog does: what was typed is still there.
    expect(field<HTMLTextAreaElement>(el, 'notes').value).to.equal('Customer disputes a charge');
    expect(errors).to.deep.equal([]);
  });
});
