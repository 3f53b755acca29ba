import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import '@escalate-kit/element/define';
// Generated from the elements' JSDoc by `cem analyze` (main.ts runs it on start).
import manifest from '../packages/element/custom-elements.json';
import { viewports } from '../stories/support/viewports.ts';

// Autodocs and controls for attributes, properties, events (`@fires`), CSS parts and
// custom properties come from the manifest, so the docs can never drift from the source.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: {
      expanded: true,
      sort: 'requiredFirst',
      matchers: { color: /(background|color)$/i },
    },
    viewport: { options: viewports },
    docs: { toc: true },
  },
};

export default preview;
