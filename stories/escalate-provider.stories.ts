import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CategoryDefinition } from '@escalate-kit/sdk';
import type { EscalateStrings } from '@escalate-kit/element';
import '@escalate-kit/element/define';
import { playFilled } from './support/drive.ts';
import {
  clientFor,
  frame,
  frameArgTypes,
  frameDefaults,
  networkArgTypes,
  networkDefaults,
  stringsFor,
  type FrameArgs,
  type NetworkArgs,
} from './support/render.ts';

interface ProviderArgs extends FrameArgs, NetworkArgs {
  endpoint?: string;
  'agent-id'?: string;
  currency?: string;
  'support-phone'?: string;
  categories?: CategoryDefinition[];
  strings?: Partial<EscalateStrings>;
  /** How many task rows (one button each). */
  rows: number;
}

const customers = ['Dana Whitfield', 'Omar Haddad', 'Mei Chen', 'Lucía Fernández', 'Kwame Mensah', 'Priya Nair', 'Jonas Berg', 'Ana Souza'];
const issues = [
  'Disputes a $450 charge',
  'Quote 30% higher than promised',
  'Router drops every evening',
  'Wants to cancel after three outages',
  'Refund of $75 not received',
  'Asks for a manager',
];

/**
 * A task queue: one provider configures every button in it (client, categories, strings,
 * agent). Buttons keep their own attributes (task, customer) and may override the provider.
 */
function renderQueue(args: ProviderArgs) {
  const tasks = Array.from({ length: args.rows }, (_, i) => ({
    id: `T-${3001 + i}`,
    customer: customers[i % customers.length]!,
    issue: issues[i % issues.length]!,
  }));
  return frame(
    args,
    html`<escalate-provider
      endpoint=${ifDefined(args.endpoint || undefined)}
      agent-id=${ifDefined(args['agent-id'] || undefined)}
      currency=${ifDefined(args.currency || undefined)}
      support-phone=${ifDefined(args['support-phone'] || undefined)}
      .client=${clientFor(args)}
      .categories=${args.categories}
      .strings=${stringsFor(args)}
    >
      <table style="border-collapse: collapse; width: 100%; max-width: 48rem">
        <caption style="text-align: start; font-weight: 600; padding-block: 0.5rem">
          Your queue
        </caption>
        <thead>
          <tr>
            <th scope="col" style="text-align: start">Task</th>
            <th scope="col" style="text-align: start">Customer</th>
            <th scope="col" style="text-align: start">Issue</th>
            <th scope="col" style="text-align: start">Escalation</th>
          </tr>
        </thead>
        <tbody>
          ${tasks.map(
            (t, i) =>
              html`<tr style="border-top: 1px solid #c9d1d9">
                <td style="padding: 0.4rem 0.5rem 0.4rem 0">${t.id}</td>
                <td style="padding: 0.4rem 0.5rem 0.4rem 0">${t.customer}</td>
                <td style="padding: 0.4rem 0.5rem 0.4rem 0">${t.issue}</td>
                <td style="padding: 0.4rem 0">
                  <escalate-button
                    task-id=${t.id}
                    customer-name=${t.customer}
                    category=${ifDefined(i === 1 ? 'pricing' : undefined)}
                    variant=${i % 2 ? 'secondary' : 'primary'}
                  ></escalate-button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </escalate-provider>`,
  );
}

/** Controls Storybook derives from the manifest that have no arg of their own here. */
const manifestOnly: ArgTypes = {
  agentId: { table: { disable: true } },
  supportPhone: { table: { disable: true } },
  client: { control: false },
  policy: { control: false },
};

const meta = {
  title: 'Elements/escalate-provider',
  component: 'escalate-provider',
  tags: ['autodocs'],
  render: renderQueue,
  args: {
    endpoint: '',
    'agent-id': 'agent-17',
    currency: '',
    'support-phone': '',
    rows: 8,
    ...networkDefaults,
    ...frameDefaults,
  },
  argTypes: {
    endpoint: { control: 'text' },
    'agent-id': { control: 'text' },
    currency: { control: 'text' },
    'support-phone': { control: 'text' },
    rows: { control: { type: 'range', min: 1, max: 200, step: 1 } },
    categories: { control: 'object' },
    strings: { control: 'object' },
    ...manifestOnly,
    ...networkArgTypes,
    ...frameArgTypes,
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** Many buttons, one provider: every button gets the provider's client (the second row preselects Pricing). */
export const ManyButtons: Story = {
  name: 'Provider with many buttons',
};

/** Categories, strings, the currency and the support line set once on the provider reach every button and its dialog. */
export const SharedSettings: Story = {
  name: 'Provider: shared categories and strings',
  args: {
    rows: 3,
    currency: 'EUR',
    'support-phone': '+44 20 7946 0000',
    categories: [
      { id: 'billing', label: 'Billing', hint: 'Payment, charges, refunds' },
      { id: 'retention', label: 'Cancellation risk', hint: 'Customer says they will leave' },
    ],
    strings: {
      label: 'Escalate task',
      dialogTitle: 'Escalate to Account Management',
      submit: 'Send to Account Management',
    },
  },
  play: playFilled({ category: 'retention', amountKind: 'refund' }, 2, '#amount'),
};
