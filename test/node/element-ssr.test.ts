import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('@escalate-kit/element in Node (SSR)', () => {
  it('imports without touching window or registering elements', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    const mod = await import('@escalate-kit/element');
    assert.equal(typeof mod.EscalateButton, 'function');
    assert.equal(typeof mod.EscalateProvider, 'function');
    assert.equal(new mod.EscalateSuccessEvent('T-1', {} as never, {} as never).type, 'escalate-success');
    // Lit's Node build provides a customElements shim; importing the classes must not use it.
    const registry = (globalThis as { customElements?: { get(name: string): unknown } }).customElements;
    assert.equal(registry?.get('escalate-button'), undefined);
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  });

  it('exports strings and events that are plain data and classes', async () => {
    const { es } = await import('@escalate-kit/element/strings/es');
    assert.equal(es.submit, 'Escalar al equipo de cuentas');
    assert.equal(es.script.when.includes('{window}'), true);
  });
});
