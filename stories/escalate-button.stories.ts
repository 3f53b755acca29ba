import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import '@escalate-kit/element/define';
import { playEscalated, playFilled, playOpen, playSubmit, validValues } from './support/drive.ts';
import { underWay } from './support/escalation.ts';
import { frameArgTypes, frameDefaults, networkArgTypes, networkDefaults, renderButton, type ButtonArgs } from './support/render.ts';

/**
 * Every state of `<escalate-button>`. Network states come from a stub client passed as the
 * `client` property (the `outcome` control), so no server is needed. States behind an
 * interaction are reached by `play` functions written with plain DOM; the fixture test
 * (test/browser/stories.test.ts) runs the same functions and checks each state with axe.
 *
 * Each story has its own `task-id`: drafts are kept per task, and a draft typed in one story
 * must not show up in another.
 */
const notSet = { '': '(not set)' };

/** Controls Storybook derives from the manifest that have no arg of their own here. */
const manifestOnly: ArgTypes = {
  // Properties that mirror an attribute are listed under the attribute (the manifest has both).
  taskId: { table: { disable: true } },
  taskTitle: { table: { disable: true } },
  contactMethod: { table: { disable: true } },
  customerName: { table: { disable: true } },
  customerEmail: { table: { disable: true } },
  customerPhone: { table: { disable: true } },
  accountId: { table: { disable: true } },
  supportPhone: { table: { disable: true } },
  // Driven by the stub-client controls, or read-only.
  client: { control: false },
  policy: { control: false },
  config: { control: false },
  unavailableReason: { control: false },
};

const meta = {
  title: 'Elements/escalate-button',
  component: 'escalate-button',
  tags: ['autodocs'],
  render: renderButton,
  args: {
    'task-id': 'T-1042',
    'task-title': 'Disputed $450 charge',
    endpoint: '',
    category: '',
    'contact-method': '',
    urgency: '',
    'customer-name': 'Dana Whitfield',
    'customer-email': '',
    'customer-phone': '',
    'account-id': 'ACC-88231',
    label: '',
    currency: '',
    'support-phone': '',
    variant: 'primary',
    disabled: false,
    ...networkDefaults,
    ...frameDefaults,
  },
  argTypes: {
    // The manifest types these `string | undefined`, which Storybook would edit as JSON.
    'task-id': { control: 'text' },
    'task-title': { control: 'text' },
    endpoint: { control: 'text' },
    'customer-name': { control: 'text' },
    'customer-email': { control: 'text' },
    'customer-phone': { control: 'text' },
    'account-id': { control: 'text' },
    label: { control: 'text' },
    currency: { control: 'text' },
    'support-phone': { control: 'text' },
    category: { control: { type: 'select', labels: notSet }, options: ['', 'complaint', 'billing', 'pricing', 'technical', 'other'] },
    'contact-method': { control: { type: 'select', labels: notSet }, options: ['', 'call', 'text', 'email'] },
    urgency: { control: { type: 'select', labels: notSet }, options: ['', 'standard', 'urgent'] },
    variant: { control: 'inline-radio', options: ['primary', 'secondary'] },
    disabled: { control: 'boolean' },
    strings: { control: 'object' },
    categories: { control: 'object' },
    signals: { control: 'object' },
    context: { control: 'object' },
    ...manifestOnly,
    ...networkArgTypes,
    ...frameArgTypes,
  },
  parameters: {
    docs: {
      // Stories open a modal dialog in `play`; on the docs page they stay closed.
      story: { inline: true },
    },
  },
} satisfies Meta<ButtonArgs>;

export default meta;
type Story = StoryObj<ButtonArgs>;

/** The button as a task page shows it, before anyone clicks. */
export const Closed: Story = {};

/** Clicked: the modal dialog with the form, focus on the category. */
export const Open: Story = {
  args: { 'task-id': 'T-1100' },
  play: playOpen(),
};

// Named by their export (Storybook indexes names statically): "Category Complaint"…
const categoryStory = (id: string, taskId: string): Story => ({
  args: { category: id, 'task-id': taskId },
  play: playOpen(),
});

/** Complaints must always be escalated: the policy line says so. */
export const CategoryComplaint = categoryStory('complaint', 'T-1101');
export const CategoryBilling = categoryStory('billing', 'T-1102');
export const CategoryPricing = categoryStory('pricing', 'T-1103');
export const CategoryTechnical = categoryStory('technical', 'T-1104');
export const CategoryOther = categoryStory('other', 'T-1105');

/** Submitted empty: every problem next to its field, a summary announced, focus on the first. */
export const Invalid: Story = {
  args: { 'task-id': 'T-1106' },
  play: playSubmit('invalid', {}),
};

/** Sending: busy, controls disabled, a second press sends nothing (the stub never answers). */
export const Submitting: Story = {
  args: { 'task-id': 'T-1107', outcome: 'pending' },
  play: playSubmit('submitting'),
};

/**
 * Stored by the server: the reference to give the customer, the team it went to and by when it
 * must answer (in the agent's time), the e-mail on its way (not yet "notified"), the script.
 */
export const Success: Story = {
  args: { 'task-id': 'T-1108', outcome: 'success', 'customer-phone': '+1 555 0100 123' },
  play: playSubmit('success'),
};

/** The receipt says the e-mail went out (`notification: 'sent'`): now it says "notified"; a standard billing case is promised the billing team's 3-5 business days. */
export const SuccessTeamNotified: Story = {
  name: 'Success: billing team notified',
  args: { 'task-id': 'T-1122', outcome: 'success', notification: 'sent', 'customer-email': 'dana@example.com' },
  play: playSubmit('success', { category: 'billing', notes: validValues.notes!, contactMethod: 'email', urgency: 'standard' }),
};

/** What the agent knows, as toggles: the host's `signals` preset one, the agent set another and a credit; the routing line follows. */
export const FlagsSet: Story = {
  name: 'What you know: toggles set',
  args: { 'task-id': 'T-1123', category: 'complaint', signals: { managerRequested: true } },
  play: playFilled({ flags: ['upset'], amountKind: 'credit', amount: '60' }, 0, '[part~="field-signals"]'),
};

/** Noticed as typed: the note mentions a lawyer and an amount; each is offered with one click, never set by itself. */
export const SuggestionShown: Story = {
  name: 'Noticed as typed: suggestions',
  args: { 'task-id': 'T-1124', category: 'billing' },
  play: playFilled(
    { notes: 'Customer says they will call their lawyer if the $120 late fee stays. Tried: explained the fee policy.' },
    0,
    '[part="suggestions"]',
  ),
};

/** The routing line for a legal threat: must be escalated, to Legal / Compliance, level 2, high priority, within 4 hours, and why. */
export const RoutingLegalThreat: Story = {
  name: 'Routing: legal threat',
  args: { 'task-id': 'T-1125', category: 'billing' },
  play: playFilled({ flags: ['legalThreat'] }, 0, '[part="policy"]'),
};

/** Suspected fraud and no e-mail on the account: no field to type one, the method says to use a known contact; urgency fixed. */
export const FraudKnownContactOnly: Story = {
  name: 'Fraud: known contact only',
  args: { 'task-id': 'T-1126', category: 'billing', 'customer-phone': '+1 555 0100 123', signals: { fraudSuspected: true } },
  play: playFilled({ notes: validValues.notes!, contactMethod: 'email' }, 0, '[part~="field-contact-method"]'),
};

/** Only upset, nothing else mandatory: the procedures' "you may handle this yourself" line, which does not block the submit. */
export const WhenNotToEscalate: Story = {
  name: 'When not to escalate',
  args: { 'task-id': 'T-1127', category: 'other' },
  play: playFilled({ flags: ['upset'] }, 0, '[part="advice"]'),
};

/**
 * Fraud red flag from the host (`signals`), contacted on the phone the account has: success, but
 * no script for the caller; what to do instead, and a reference that stays with the agent.
 */
export const SuccessSuspectedFraud: Story = {
  name: 'Success: suspected fraud (no script)',
  args: { 'task-id': 'T-1109', outcome: 'success', signals: { fraudSuspected: true }, 'customer-phone': '+1 555 0100 123' },
  play: playSubmit('success'),
};

/** Fraud red flag from the host: urgency fixed at urgent by the policy, with its reason; the agent cannot lower it. */
export const UrgencyFixedByPolicy: Story = {
  name: 'Fraud: urgency fixed by policy',
  args: { 'task-id': 'T-1120', category: 'billing', signals: { fraudSuspected: true } },
  play: playOpen(),
};

/** The task already has an open escalation (HTTP 409): said as it is, nothing to retry. */
export const AlreadyEscalated: Story = {
  name: 'Already escalated',
  args: { 'task-id': 'T-1121', outcome: 'already' },
  play: playSubmit('already'),
};

/** A task already escalated (`escalation`, as `client.list({ taskId })` gives it): the button says where it stands. */
export const Escalated: Story = {
  name: 'Escalated: under way',
  args: { 'task-id': 'T-1130', escalation: underWay('T-1130') },
};

/** Clicked: its state, read-only (no form: the server takes one open escalation per task). */
export const EscalatedDetail: Story = {
  name: 'Escalated: read-only detail',
  args: { 'task-id': 'T-1131', escalation: underWay('T-1131') },
  play: playEscalated(),
};

/** Offline: saved on this device and sent later, said honestly. */
export const Queued: Story = {
  args: { 'task-id': 'T-1110', outcome: 'queued' },
  play: playSubmit('queued'),
};

/** The server failed (HTTP 503): the message, Retry, and nothing typed is lost. */
export const ErrorState: Story = {
  name: 'Error',
  args: { 'task-id': 'T-1111', outcome: 'error', errorKind: 'http' },
  play: playSubmit('error'),
};

/** No answer at all (`EscalationNetworkError`, no outbox): Retry. */
export const NetworkError: Story = {
  name: 'Error: network',
  args: { 'task-id': 'T-1112', outcome: 'error', errorKind: 'network' },
  play: playSubmit('error'),
};

/** The server rejected a field (HTTP 400 with issues): shown next to the field, Retry. */
export const RejectedByServer: Story = {
  name: 'Error: rejected by the server',
  args: { 'task-id': 'T-1113', outcome: 'invalid' },
  play: playSubmit('error'),
};

/** The `disabled` attribute. */
export const Disabled: Story = {
  args: { disabled: true },
};

/** No client and no endpoint: unavailable, with the reason given to assistive tech. */
export const NotConfigured: Story = {
  args: { outcome: 'none' },
};

/** The secondary (outlined) variant with a label of the host's. */
export const SecondaryVariant: Story = {
  args: { variant: 'secondary', label: 'Escalate task' },
};

/** A host's own categories (`categories` property), with their hints. */
export const CustomCategories: Story = {
  args: {
    'task-id': 'T-1114',
    category: 'refund',
    categories: [
      { id: 'refund', label: 'Refund over $50', hint: 'Above the level 2 limit: needs a supervisor' },
      { id: 'outage', label: 'Service outage', hint: 'Several customers, one cause' },
      { id: 'cancellation', label: 'Cancellation risk', hint: 'Customer says they will leave' },
    ],
  },
  play: playOpen(),
};

/** Dark values of every `--escalate-*` colour (the element also switches by itself on `prefers-color-scheme: dark`). */
export const DarkTheme: Story = {
  args: { 'task-id': 'T-1115', theme: 'dark', category: 'complaint' },
  play: playSubmit('invalid', {}),
};

/** A host's brand through the `--escalate-*` custom properties (colours, radius, font, spacing). */
export const CustomTheme: Story = {
  args: { 'task-id': 'T-1116', theme: 'custom', category: 'complaint' },
  play: playSubmit('invalid', {}),
};

/** Right-to-left page (`dir="rtl"` on a container) in Arabic, so the layout is seen with a real RTL script. */
export const RightToLeft: Story = {
  name: 'RTL',
  args: { 'task-id': 'T-1117', dir: 'rtl', locale: 'ar', 'customer-name': 'ليلى حداد', 'task-title': 'اعتراض على رسم بقيمة 450 دولارًا' },
  play: playFilled({
    ...validValues,
    notes: 'المشكلة: العميل يعترض على رسم بقيمة 450 دولارًا. جرّبت: شرحت السياسة وعرضت خطة سداد. السبب: يطلب مديرًا.',
  }),
};

/** The bundled Spanish strings (`@escalate-kit/element/strings/es`), page marked `lang="es"`. */
export const SecondLocale: Story = {
  name: 'Second locale (es)',
  args: { 'task-id': 'T-1118', locale: 'es', 'customer-name': 'Lucía Fernández' },
  play: playFilled(),
};

/** 320 px wide: the container, and in Storybook the viewport too. */
export const NarrowViewport: Story = {
  args: { 'task-id': 'T-1119', width: 320 },
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: playFilled(),
};
