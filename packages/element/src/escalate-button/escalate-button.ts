import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import type { CategoryDefinition, ContactMethod, EscalationPolicy, EscalationState, Signals, Urgency } from '@escalate-kit/sdk';
import { ConfigRequestEvent, listen, stopListening } from '../config-request.ts';
import { escalationContext, type EscalationClientLike, type EscalationConfig } from '../context.ts';
import type { EscalateStrings } from '../strings/types.ts';
import { shellEn } from '../strings/shell.ts';
import type { DialogHost } from './dialog/dialog-host.ts';
import type { EscalationDialog } from './dialog/escalate-dialog.ts';
import { styles } from './escalate-button.styles.ts';
import { hearIntent, loadDialog, loaded, warmUpWhenIdle } from './dialog-loader.ts';

/**
 * The case's details: string properties with an attribute (`@attr` on each field below, for the
 * manifest) that only the dialog reads. Not Lit properties, so not observed attributes: a row of
 * a long list runs no callback when its attributes are parsed (~6 ms per 1,000 rows); a dialog,
 * once there, watches them itself (escalate-dialog.ts).
 */
const caseDetails = [
  'taskTitle',
  'category',
  'contactMethod',
  'urgency',
  'customerName',
  'customerEmail',
  'customerPhone',
  'accountId',
  'currency',
  'supportPhone',
] as const;

/**
 * One button that opens the escalation form for a task: category, notes (and what they
 * suggest), what the agent knows about the case, how the customer wants to be contacted,
 * urgency, and where it will go and why; then "Escalate to Account Team".
 *
 * @summary Escalates a task to the account team.
 * @tag escalate-button
 *
 * @fires {EscalateOpenEvent} escalate-open - The dialog opened.
 * @fires {EscalateCloseEvent} escalate-close - The dialog closed; what was typed is kept as a draft.
 * @fires {EscalateSubmitEvent} escalate-submit - About to send `request`; cancel it to send nothing.
 * @fires {EscalateSuccessEvent} escalate-success - Stored by the server: `{ taskId, request, receipt }`. The dialog now shows what to tell the customer: remove the task on `escalate-done`.
 * @fires {EscalateQueuedEvent} escalate-queued - Saved in the outbox (offline); it will be sent by itself.
 * @fires {EscalateErrorEvent} escalate-error - Not sent; the dialog keeps everything and offers Retry (or, for a task that is already escalated, says so).
 * @fires {EscalateDoneEvent} escalate-done - The agent closed the result (`outcome`: `sent`, `queued` or `already-escalated`). Remove the task now and move focus to the next one.
 * @fires {EscalateDeliveredEvent} escalate-delivered - A queued escalation reached the server later: on `document` for endpoint-configured buttons, from `<escalate-provider>` for the provider's `client`.
 *
 * @csspart button - The Escalate button.
 * @csspart dialog - The modal `<dialog>`.
 * @csspart form - The `<form>`.
 * @csspart field - Every field wrapper.
 * @csspart field-category - The category field.
 * @csspart field-notes - The notes field.
 * @csspart suggestions - What the note suggests, each with Flag and Dismiss.
 * @csspart field-signals - The toggles of what the agent knows about the case, with the credit or refund.
 * @csspart field-amount - The credit-or-refund choice and its amount.
 * @csspart field-customer-request - What the customer wants (one line, optional).
 * @csspart field-recommendation - The agent's recommendation (one line, optional).
 * @csspart field-contact-method - The contact method radio group.
 * @csspart field-contact - The customer's phone or e-mail, when the method needs one.
 * @csspart field-urgency - The urgency radio group.
 * @csspart policy - The routing line: must it be escalated, team, level, priority, respond-by, and the rules' reasons.
 * @csspart advice - The procedures' "you may handle this at your level" line; it never blocks the submit.
 * @csspart footer - The row of Cancel and submit.
 * @csspart submit - The "Escalate to Account Team" button.
 * @csspart result - The success (reference, team, respond-by, script), queued or error panel.
 *
 * @cssprop [--escalate-accent=#2454d6] - Accent colour (button, focus ring, selected controls).
 * @cssprop [--escalate-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssprop [--escalate-radius=8px] - Corner radius.
 * @cssprop [--escalate-font=inherit] - Font family.
 * @cssprop [--escalate-space=1rem] - Base spacing.
 * @cssprop [--escalate-surface=#ffffff] - Dialog background.
 * @cssprop [--escalate-text=#1b1f24] - Text colour.
 * @cssprop [--escalate-muted=#59636e] - Hints and counts.
 * @cssprop [--escalate-border=#8c959f] - Field borders.
 * @cssprop [--escalate-danger=#b42318] - Errors.
 * @cssprop [--escalate-success=#1a7f37] - Success.
 * @cssprop [--escalate-accent-dark=#6b9bff] - Accent colour in dark mode.
 * @cssprop [--escalate-accent-contrast-dark=#0d1117] - Text on the accent colour in dark mode.
 * @cssprop [--escalate-surface-dark=#161b22] - Dialog background in dark mode.
 * @cssprop [--escalate-text-dark=#e6edf3] - Text in dark mode.
 * @cssprop [--escalate-muted-dark=#a4afba] - Hints and counts in dark mode.
 * @cssprop [--escalate-border-dark=#6e7781] - Field borders in dark mode.
 * @cssprop [--escalate-danger-dark=#ff8b80] - Errors in dark mode.
 * @cssprop [--escalate-success-dark=#56d364] - Success in dark mode.
 */
export class EscalateButton extends LitElement implements DialogHost {
  static override styles = styles;
  // Typed as the DOM's ShadowRootInit: inferred, the .d.ts would spell out this compiler's lib
  // (newer fields than TypeScript 5.x knows), which older compilers reject as a bad override.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // Declared here rather than by decorators: the decorators' code and a call per property are
  // bytes every page of closed buttons loads. Each property's JSDoc is on its field below.
  static override properties = {
    taskId: { attribute: 'task-id', reflect: true },
    endpoint: {},
    label: {},
    variant: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    client: { attribute: false },
    categories: { attribute: false },
    strings: { attribute: false },
    context: { attribute: false },
    policy: { attribute: false },
    signals: { attribute: false },
    escalation: { attribute: false },
    lookup: { type: Boolean },
  };
  // The accessors of those properties exist from the class's definition on, as decorators made
  // them, not only once the element is defined: @lit/react (and other wrappers) tell a property
  // from an attribute by `name in prototype`, and a React tree rendered before the definition
  // would otherwise give `taskId`, `categories`… as attributes.
  static {
    this.finalize();
    // The string properties (the case's details, label, endpoint, task id) are for the dialog
    // or read once per render: a row keeps no string of its own for them (~50 B of heap each,
    // per row of a long list) but reads its attribute (the name in kebab case) when asked. One
    // that reflects is kept as its attribute alone; another set to anything but its attribute
    // is kept with the attribute it was set over, and wins until that attribute changes (the
    // last write wins, as with Lit's properties). Not Lit's `useDefault`: that is a Map per row.
    // The four Lit string properties are named rather than picked out of `elementProperties`:
    // the filter was 23 B more in the chunk every page loads, which is at its budget.
    for (const name of ['taskId', 'endpoint', 'label', 'variant', ...caseDetails] as const) {
      const reflect = this.elementProperties.get(name)?.reflect;
      const attr = name.replace(/[A-Z]/g, '-$&').toLowerCase();
      Object.defineProperty(this.prototype, name, {
        get(this: EscalateButton) {
          const own = this.#own?.[name];
          const value = this.getAttribute(attr);
          return own && own[1] === value ? own[0] : (value ?? undefined);
        },
        set(this: EscalateButton, value?: string | null) {
          const current = this.getAttribute(attr);
          if (value === current) delete this.#own?.[name];
          else if (reflect) {
            if (value == null) this.removeAttribute(attr);
            else this.setAttribute(attr, value);
          } else (this.#own ??= {})[name] = [value, current];
          // Not requestUpdate(name): that reads the property (a getAttribute per row) for an
          // entry of changedProperties that nothing here reads.
          this.requestUpdate();
        },
      });
    }
  }
  /** Those string properties set to other than their attribute, each with that attribute then. */
  #own?: Record<PropertyKey, [value: string | null | undefined, over: string | null]>;

  /** The task being escalated (required); drafts are kept per task. */
  declare taskId: string;
  /**
   * The task's title in your app (e.g. "Disputed $450 charge"): shown in the dialog and sent to the account team.
   * @attr task-title
   */
  declare taskTitle?: string;
  /** Where to POST; overrides the provider's endpoint and client. */
  declare endpoint?: string;
  /**
   * Preselected category id.
   * @attr category
   */
  declare category?: string;
  /**
   * Preselected contact method: `call`, `text` or `email`.
   * @attr contact-method
   */
  declare contactMethod?: ContactMethod;
  /**
   * Preselected urgency; `standard` unless set.
   * @attr urgency
   */
  declare urgency?: Urgency;
  /**
   * The customer's name, shown in the dialog and sent with the escalation.
   * @attr customer-name
   */
  declare customerName?: string;
  /**
   * The customer's e-mail, used when the contact method is Email.
   * @attr customer-email
   */
  declare customerEmail?: string;
  /**
   * The customer's phone, used for Call and Text.
   * @attr customer-phone
   */
  declare customerPhone?: string;
  /**
   * The customer's account id.
   * @attr account-id
   */
  declare accountId?: string;
  /** The button's text; "Escalate" unless set. */
  declare label?: string;
  /**
   * Visual weight of the button: `primary` (filled) or `secondary` (outlined).
   * @default 'primary' (unset: a reflected default would write an attribute on every row)
   */
  declare variant?: 'primary' | 'secondary';
  /** Disables the button. */
  disabled = false;
  /**
   * The currency of a credit or refund the agent enters (ISO 4217, e.g. `EUR`); the provider's, else USD.
   * @attr currency
   */
  declare currency?: string;
  /**
   * The support line under the form ("Still stuck? … call support"); the provider's, else 555-1234.
   * @attr support-phone
   */
  declare supportPhone?: string;

  /** A client (from `createEscalationClient`) to use instead of `endpoint` or the provider's. */
  declare client?: EscalationClientLike;
  /** The categories to offer (default: Complaint, Billing, Pricing, Technical, Other). */
  declare categories?: readonly CategoryDefinition[];
  /** Any of the widget's strings, e.g. a locale (`es`) or your own wording. */
  declare strings?: Partial<EscalateStrings>;
  /** Host data sent with the escalation (flat, bounded: see the SDK's `contextSchema`). */
  declare context?: Record<string, string | number | boolean>;
  /** The escalation policy (default: the provider's, else the SDK's `defaultPolicy`). */
  declare policy?: EscalationPolicy;
  /**
   * What the host knows about the case (VIP, fraud red flags, amounts…): the form's toggles and
   * amount start from these, the agent may change them, and what the form then holds is sent
   * (`serviceImpact` as given). The category and urgency come from the form.
   */
  declare signals?: Signals;

  /**
   * The task's escalation, when it has one under way (`client.list({ taskId })` gives it, or
   * `lookup` makes the button ask): the button then says where it stands ("Escalated ·
   * contacted 2 hours ago · ref 7F3KA1B2") and opens it read-only instead of an empty form.
   * A resolved one is not shown: the task may be escalated again.
   */
  declare escalation?: EscalationState | undefined;
  /**
   * Asks the client, once connected, whether this task already has an escalation under way, and
   * shows it (sets `escalation`). For a task page; a list of many tasks should rather set
   * `escalation` from one `client.list()` of its own.
   */
  lookup = false;

  /** The <button> (a getter rather than `@query`: the decorator's code is bytes every page loads). */
  private get trigger(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector('button');
  }

  /** The provider's configuration, when there is a provider above. */
  #provided?: EscalationConfig;
  /** Given by a provider that keeps a subscription (not `<escalate-provider>`: see ConfigRequestEvent). */
  #unsubscribe?: (() => void) | undefined;
  /** Made on first open; rendered from then on (render asks for an update when it is set). */
  #dialog?: EscalationDialog;
  /** Whether this button renders the full template (see render). */
  #full = false;
  /**
   * True while the provider's settings cannot be known: on the server, which has no context, and
   * in the render that hydrates the server's HTML (it must render what the server rendered:
   * hydration adopts the DOM without writing it). The render after hydration uses the real settings.
   */
  #guessing = isServer;
  /** The label of the bare <button> (no template part: see render), written by update(). */
  #label?: string;

  /** The configuration in force: this element's own settings over the provider's. */
  get config(): EscalationConfig {
    const p = this.#p;
    // An element's own endpoint wins over a provider's client: the nearest setting applies.
    const own = this.client ? { client: this.client } : this.endpoint ? { endpoint: this.endpoint } : undefined;
    return {
      ...(own ?? { client: p.client, endpoint: p.endpoint }),
      categories: this.categories ?? p.categories,
      strings: { ...p.strings, ...this.strings },
      policy: this.policy ?? p.policy,
      agentId: p.agentId,
      agentEmail: p.agentEmail,
      agentStartedOn: p.agentStartedOn,
      currency: this.currency ?? p.currency,
      supportPhone: this.supportPhone ?? p.supportPhone,
    };
  }

  /** The provider's settings, when they can be known (see #guessing). */
  get #p(): EscalationConfig {
    return (!this.#guessing && this.#provided) || {};
  }

  /** Why the button cannot be used, or `undefined` when it can. */
  get unavailableReason(): string | undefined {
    // Read from the settings themselves, not from `config`: every closed row asks on each render,
    // and `config` is two objects (and a copy of every string) of garbage per row.
    const p = this.#p;
    if (!this.client && !this.endpoint && !p.client && !p.endpoint) return this.#text('notConfigured');
    if (!this.taskId) return this.#text('noTask');
    return undefined;
  }

  /** One of the shell's strings: this element's, else the provider's, else English. */
  #text(key: keyof typeof shellEn): string {
    return this.strings?.[key] ?? this.#p.strings?.[key] ?? shellEn[key];
  }

  constructor() {
    super();
    // On the host rather than bound in the template: one listener and no template part per row.
    if (!isServer) this.addEventListener('click', EscalateButton.#onClick);
  }

  /** Opens the dialog on a click of this button's own `<button>` (the host also hears the dialog's clicks). */
  static readonly #onClick = function (this: EscalateButton, e: Event) {
    if (e.composedPath()[0] === this.trigger) void this.open();
  };

  /** For the page's intent listener (one function for every row, not a closure each). */
  static readonly #isButton = (node: EventTarget) => node instanceof EscalateButton;

  /** Asks the nearest provider for its configuration (again: see config-request.ts). */
  static readonly #request = (button: EscalateButton) => {
    const callback = (value: EscalationConfig, unsubscribe?: () => void) => {
      // A subscribing provider that is not the one before (the button moved): leave the old one.
      if (button.#unsubscribe !== unsubscribe) button.#unsubscribe?.();
      button.#unsubscribe = unsubscribe;
      if (value === button.#provided) return;
      button.#provided = value;
      button.requestUpdate();
    };
    button.dispatchEvent(new ConfigRequestEvent(escalationContext, button, callback, true));
  };

  override connectedCallback() {
    // A shadow root before the first render is the server's (declarative shadow DOM): hydrating.
    // (Lit creates its own render root on the first connect, so one that is there already is not Lit's.)
    if (!this.renderRoot && this.shadowRoot) this.#guessing = true;
    super.connectedCallback();
    if (isServer) return;
    listen(this, EscalateButton.#request);
    EscalateButton.#request(this);
    hearIntent(EscalateButton.#isButton);
    warmUpWhenIdle(this);
    if (this.lookup) void loadDialog().then((m) => (this.isConnected ? m.lookUp(this) : undefined));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    stopListening(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Opens the dialog (loading it first if needed). Does nothing while unavailable or disabled. */
  async open(): Promise<void> {
    if (this.disabled || this.unavailableReason) return;
    await this.#ensureDialog();
    const under = this.#underWay;
    await (under ? this.#dialog!.show(under) : this.#dialog!.open());
  }

  /** The escalation to show instead of the form: one that is not resolved. */
  get #underWay(): EscalationState | undefined {
    return this.escalation && this.escalation.status !== 'resolved' ? this.escalation : undefined;
  }

  /** Closes the dialog; what was typed stays as a draft. */
  close(): void {
    this.#dialog?.close();
  }

  async #ensureDialog() {
    if (this.#dialog) return;
    const { EscalationDialog } = await loadDialog();
    this.#dialog ??= new EscalationDialog(this, {
      focusTrigger: () => this.trigger?.focus(),
      hostStyles: (this.constructor as typeof LitElement).elementStyles,
    });
    // Not awaited: the dialog's open() or show() asks for the update that first renders it, so
    // the first open renders the whole form once, not once closed and again open.
    this.requestUpdate();
  }

  protected override firstUpdated() {
    // Hydrated: render again, now with the provider's settings, so that every attribute and text
    // the server could only guess (availability, description, label) is written for real.
    if (!this.#guessing) return;
    this.#guessing = false;
    // After this update completes: a request from inside it would be a second update in a row.
    void this.updateComplete.then(() => this.requestUpdate());
  }

  protected override update(changed: PropertyValues) {
    // The move to the full template (render) makes a new <button>: one that had focus passes it
    // on. (Nothing has focus before the first render: most rows render once, and ask nothing.)
    const active = this.hasUpdated && this.shadowRoot!.activeElement;
    const focused = active && active === this.trigger;
    super.update(changed);
    const trigger = this.trigger;
    if (this.#label !== undefined) trigger!.textContent = this.#label;
    if (focused && trigger !== active) trigger?.focus();
  }

  override render() {
    // The server never says "not available": only the browser knows the provider's settings.
    const reason = this.disabled || this.#guessing ? undefined : this.unavailableReason;
    const under = this.#underWay;
    // The whole line needs the dialog's module: "Escalated" alone until it is here (then again).
    if (under && !loaded) void loadDialog().then(() => this.requestUpdate());
    const label = under
      ? loaded
        ? loaded.escalatedLabel(this.config.strings ?? {}, under, this.closest('[lang]')?.getAttribute('lang') || undefined)
        : this.#text('escalatedShort')
      : (this.label ?? this.#text('label'));
    // Most rows of a task list are an available button that is never opened: a template with no
    // part at all, its label written by update() as the button's text (every part is objects and
    // DOM wrappers kept per row: ~0.15 kB of heap). The server's render and hydration, which must
    // match it, have the label as a part. The first time a row needs more it moves to the full
    // template, and stays there: its <button> is replaced once (update() passes focus on).
    this.#full ||= !!reason || this.disabled || !!under || !!this.#dialog;
    this.#label = this.#full || this.#guessing ? undefined : label;
    if (this.#label !== undefined) return html`<button part="button" type="button" aria-haspopup="dialog"></button>`;
    if (!this.#full) return html`<button part="button" type="button" aria-haspopup="dialog">${label}</button>`;
    // One line (prettier would indent it): a template literal's spaces are bytes every page loads.
    // `nothing` leaves an attribute out (the cast: lit-analyzer's ARIA types do not know it).
    // prettier-ignore
    return html`<button part="button" type="button" aria-haspopup="dialog" aria-disabled=${(this.disabled || reason ? 'true' : nothing) as 'true'} aria-describedby=${reason ? 'unavailable' : nothing} data-escalated=${under ? under.status : nothing}>${label}</button>${reason ? html`<span id="unavailable" hidden>${reason}</span>` : nothing}${this.#dialog ? this.#dialog.render() : nothing}`;
  }
}
