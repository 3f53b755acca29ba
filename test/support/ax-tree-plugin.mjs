/**
 * A web-test-runner command, `ax-tree`: the page's full accessibility tree as Chromium exposes it
 * to assistive tech (CDP `Accessibility.getFullAXTree`), flattened to what tests check: role,
 * name and the states `required` and `invalid`. Puppeteer's own snapshot prunes "uninteresting"
 * nodes, radio groups among them, so it cannot say whether a group is required.
 */
export function axTreePlugin() {
  return {
    name: 'ax-tree-command',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`ax-tree needs a Chromium launcher, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => {
            const prop = (name) => n.properties?.find((p) => p.name === name)?.value?.value;
            return {
              role: n.role?.value ?? '',
              name: n.name?.value ?? '',
              required: prop('required') === true,
              // 'false' or absent both mean valid; anything else ('true', 'spelling'…) is invalid.
              invalid: ![undefined, 'false', false].includes(prop('invalid')),
            };
          });
      } finally {
        await cdp.detach();
      }
    },
  };
}
