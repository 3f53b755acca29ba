/**
 * What framework wrappers read from the element classes before the elements are defined. This
 * file imports the classes only ('@escalate-kit/element' registers nothing) and defines them in
 * its last test: @escalate-kit/react's `/components` renders before `define` runs.
 */
import { expect } from '@open-wc/testing';
import { EscalateButton, EscalateProvider } from '@escalate-kit/element';
import { root, text, until } from './support/element.ts';

/**
 * How @lit/react's createComponent passes a prop: as a property when the element class's
 * prototype has it (`k in elementClass.prototype`), else as an attribute of that name.
 */
function setProp(el: Element, elementClass: typeof HTMLElement, name: string, value: unknown) {
  if (name in elementClass.prototype) (el as unknown as Record<string, unknown>)[name] = value;
  else el.setAttribute(name, String(value));
}

describe('the element classes, before the elements are defined', () => {
  it('have every reactive property on their prototype (what wrappers tell properties from attributes by)', () => {
    expect(customElements.get('escalate-button')).to.equal(undefined);
    for (const name of ['taskId', 'taskTitle', 'category', 'contactMethod', 'customerEmail', 'context', 'signals', 'strings', 'lookup'])
      expect(name in EscalateButton.prototype, `EscalateButton.prototype.${name}`).to.equal(true);
    for (const name of ['endpoint', 'agentId', 'client', 'categories', 'strings', 'policy', 'currency'])
      expect(name in EscalateProvider.prototype, `EscalateProvider.prototype.${name}`).to.equal(true);
  });

  it('work when a wrapper renders before the definition and sets props its way', async () => {
    const host = document.createElement('main');
    const provider = document.createElement('escalate-provider');
    const button = document.createElement('escalate-button');
    provider.append(button);
    host.append(provider);
    document.body.append(host);
    try {
      setProp(provider, EscalateProvider, 'endpoint', '/api/escalations');
      setProp(provider, EscalateProvider, 'categories', [{ id: 'billing', label: 'Billing (host)' }]);
      setProp(provider, EscalateProvider, 'strings', { label: 'Escalate task' });
      setProp(button, EscalateButton, 'taskId', 'W-1');
      setProp(button, EscalateButton, 'customerEmail', 'pat@example.com');
      await import('@escalate-kit/element/define');
      const el = button as EscalateButton;
      await until(() => text(root(el).querySelector('button')) === 'Escalate task', "the provider's label");
      expect(el.getAttribute('task-id')).to.equal('W-1');
      expect(el.unavailableReason).to.equal(undefined);
      expect(root(el).querySelector('button')!.hasAttribute('aria-disabled')).to.equal(false);
    } finally {
      host.remove();
    }
  });
});
