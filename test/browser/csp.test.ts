import { expect } from '@open-wc/testing';
import { logOf, scenario, until } from './support/element.ts';

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  it('escalates with no violation (no inline script or style, no eval)', async () => {
    const { tag, endpoint } = scenario('ok');
    let result: Record<string, unknown> | undefined;
    window.addEventListener('message', (e) => {
      if (e.data?.source === 'csp-page') result = e.data;
    });
    const frame = document.createElement('iframe');
    frame.src = `/test/browser/fixtures/csp-page.html?endpoint=${encodeURIComponent(endpoint)}`;
    document.body.append(frame);
    await until(() => result, 'the CSP page to finish', 8000);
    frame.remove();
    expect(result!.error).to.equal(undefined);
    expect(result!.clean).to.deep.equal([]);
    expect(result!.rendered).to.equal(true);
    // The deliberate probes prove the policy is live: one inline style, one untrusted innerHTML.
    expect((result!.all as string[]).map((v) => v.split(':')[0])).to.have.members(['style-src-attr', 'require-trusted-types-for']);
    expect(result!.trustedTypesEnforced).to.equal(true);
    expect((await logOf(tag)).map((l) => l.status)).to.deep.equal([201]);
  });
});
