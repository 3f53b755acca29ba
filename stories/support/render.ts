/**
 * One render for every `<escalate-button>` story: attributes come from args with the
 * attribute's own name (so the controls match the manifest's attribute table), properties
 * from args of the property's name, and the network outcome from a stub client.
 */
import { html, type TemplateResult } from 'lit';
// The elements this render uses are defined here, not left to whoever imports it.
import '@escalate-kit/element/define';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CategoryDefinition, ContactMethod, EscalationState, Signals, Urgency } from '@escalate-kit/sdk';
import type { EscalateStrings } from '@escalate-kit/element';
import { es } from '@escalate-kit/element/strings/es';
import { ar } from './strings-ar.ts';
import { createStubClient, type StubClient, type StubErrorKind, type StubNotification, type StubOutcome } from './stub-client.ts';

export type Locale = 'en' | 'es' | 'ar';
export type Theme = 'light' | 'dark' | 'custom';

/** The frame around a story: direction, language, theme tokens, width. */
export interface FrameArgs {
  /** Text direction of the page around the element. */
  dir: 'ltr' | 'rtl';
  /** Which bundled strings to use (`strings` overrides single entries on top). */
  locale: Locale;
  /** `light` (the defaults), `dark` or `custom`: `--escalate-*` values set on the page. */
  theme: Theme;
  /** Width of the container in px (0: as wide as the page). */
  width: number;
}

/** Network behaviour of the stub client; `none` leaves the button with no client ("not configured"). */
export interface NetworkArgs {
  outcome: StubOutcome | 'none';
  errorKind: StubErrorKind;
  delay: number;
  /** For `outcome: success`: where the receipt says the e-mail to the team stands. */
  notification: StubNotification;
}

export interface ButtonArgs extends FrameArgs, NetworkArgs {
  'task-id': string;
  'task-title'?: string;
  endpoint?: string;
  category?: string;
  'contact-method'?: ContactMethod | '';
  urgency?: Urgency | '';
  'customer-name'?: string;
  'customer-email'?: string;
  'customer-phone'?: string;
  'account-id'?: string;
  label?: string;
  currency?: string;
  'support-phone'?: string;
  variant: 'primary' | 'secondary';
  disabled: boolean;
  categories?: CategoryDefinition[];
  strings?: Partial<EscalateStrings>;
  signals?: Signals;
  context?: Record<string, string | number | boolean>;
  /** The task's escalation under way, as `client.list({ taskId })` gives it. */
  escalation?: EscalationState;
  /** Event handlers, filled by Storybook's actions from the manifest's `@fires`. */
  onEscalateOpen?: (e: Event) => void;
  onEscalateClose?: (e: Event) => void;
  onEscalateSubmit?: (e: Event) => void;
  onEscalateSuccess?: (e: Event) => void;
  onEscalateQueued?: (e: Event) => void;
  onEscalateError?: (e: Event) => void;
  onEscalateDone?: (e: Event) => void;
}

/** Dark values: the same as the element's own `prefers-color-scheme: dark` defaults. */
const dark = {
  background: '#0d1117',
  color: '#e6edf3',
  'color-scheme': 'dark',
  '--escalate-accent': '#6b9bff',
  '--escalate-accent-contrast': '#0d1117',
  '--escalate-surface': '#161b22',
  '--escalate-text': '#e6edf3',
  '--escalate-muted': '#a4afba',
  '--escalate-border': '#6e7781',
  '--escalate-danger': '#ff8b80',
  '--escalate-success': '#56d364',
};

/** A host's brand: every public `--escalate-*` property changed. */
const custom = {
  background: '#f5f5f4',
  color: '#1c1917',
  '--escalate-accent': '#0f766e',
  '--escalate-accent-contrast': '#ffffff',
  '--escalate-radius': '2px',
  '--escalate-font': "Georgia, 'Times New Roman', serif",
  '--escalate-space': '1.25rem',
  '--escalate-surface': '#fffdf7',
  '--escalate-text': '#1c1917',
  '--escalate-muted': '#57534e',
  '--escalate-border': '#78716c',
  '--escalate-danger': '#9f1239',
  '--escalate-success': '#166534',
};

export const themes: Record<Theme, Record<string, string>> = { light: {}, dark, custom };

const bundles: Record<Locale, Partial<EscalateStrings> | undefined> = { en: undefined, es, ar };

export const frameArgTypes = {
  dir: { control: 'inline-radio', options: ['ltr', 'rtl'], table: { category: 'story frame' } },
  locale: { control: 'inline-radio', options: ['en', 'es', 'ar'], table: { category: 'story frame' } },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'custom'], table: { category: 'story frame' } },
  width: { control: { type: 'range', min: 0, max: 1200, step: 10 }, table: { category: 'story frame' } },
} as const;

export const networkArgTypes = {
  outcome: {
    control: 'select',
    options: ['success', 'queued', 'error', 'pending', 'invalid', 'already', 'none'],
    description: 'What the stub client answers; `none` means no client or endpoint (the button is unavailable).',
    table: { category: 'stub client' },
  },
  errorKind: {
    control: 'inline-radio',
    options: ['http', 'network'],
    description: 'For `outcome: error`: an `EscalationHttpError` (503) or an `EscalationNetworkError`.',
    table: { category: 'stub client' },
  },
  delay: {
    control: { type: 'number', min: 0, step: 100 },
    description: 'Milliseconds before the stub answers.',
    table: { category: 'stub client' },
  },
  notification: {
    control: 'inline-radio',
    options: ['pending', 'sent', 'failed'],
    description: 'For `outcome: success`: the receipt\'s `notification` (the panel says "notified" only on `sent`).',
    table: { category: 'stub client' },
  },
} as const;

export const frameDefaults: FrameArgs = { dir: 'ltr', locale: 'en', theme: 'light', width: 0 };
export const networkDefaults: NetworkArgs = { outcome: 'success', errorKind: 'http', delay: 400, notification: 'pending' };

/** The stub for a story's network args (`undefined` for `none`). */
export function clientFor({ outcome, errorKind, delay, notification }: NetworkArgs): StubClient | undefined {
  return outcome === 'none' ? undefined : createStubClient({ outcome, errorKind, delay, notification });
}

/** The strings for a story: the locale's bundle with the story's own overrides on top. */
export function stringsFor({ locale, strings }: { locale: Locale; strings?: Partial<EscalateStrings> }) {
  const bundle = bundles[locale];
  return bundle || strings ? { ...bundle, ...strings } : undefined;
}

/** The page around the element: direction, language and theme tokens are inherited by it. */
export function frame({ dir, locale, theme, width }: FrameArgs, content: TemplateResult): TemplateResult {
  const style = {
    ...themes[theme],
    ...(theme !== 'light' && { padding: '1.5rem' }),
    ...(width > 0 && { 'box-sizing': 'border-box', width: `${width}px`, 'max-width': '100%' }),
  };
  return html`<div class="escalate-story" dir=${dir} lang=${locale} style=${styleMap(style)}>${content}</div>`;
}

export function renderButton(args: ButtonArgs): TemplateResult {
  return frame(
    args,
    html`<escalate-button
      task-id=${args['task-id']}
      task-title=${ifDefined(args['task-title'] || undefined)}
      endpoint=${ifDefined(args.endpoint || undefined)}
      category=${ifDefined(args.category || undefined)}
      contact-method=${ifDefined(args['contact-method'] || undefined)}
      urgency=${ifDefined(args.urgency || undefined)}
      customer-name=${ifDefined(args['customer-name'] || undefined)}
      customer-email=${ifDefined(args['customer-email'] || undefined)}
      customer-phone=${ifDefined(args['customer-phone'] || undefined)}
      account-id=${ifDefined(args['account-id'] || undefined)}
      label=${ifDefined(args.label || undefined)}
      currency=${ifDefined(args.currency || undefined)}
      support-phone=${ifDefined(args['support-phone'] || undefined)}
      variant=${args.variant}
      ?disabled=${args.disabled}
      .client=${clientFor(args)}
      .categories=${args.categories}
      .strings=${stringsFor(args)}
      .signals=${args.signals}
      .context=${args.context}
      .escalation=${args.escalation}
      @escalate-open=${args.onEscalateOpen}
      @escalate-close=${args.onEscalateClose}
      @escalate-submit=${args.onEscalateSubmit}
      @escalate-success=${args.onEscalateSuccess}
      @escalate-queued=${args.onEscalateQueued}
      @escalate-error=${args.onEscalateError}
      @escalate-done=${args.onEscalateDone}
    ></escalate-button>`,
  );
}
