import { ContextEvent, type ContextCallback } from '@lit/context';
import { css, html, LitElement } from 'lit';
import type {
  CategoryDefinition,
  EscalationClient,
  EscalationDeliveredEvent,
  EscalationErrorEvent,
  EscalationPolicy,
} from '@escalate-kit/sdk';
import { askAgain, ConfigRequestEvent } from '../config-request.ts';
import { escalationContext, type EscalationClientLike, type EscalationConfig } from '../context.ts';
import { EscalateDeliveredEvent, EscalateErrorEvent } from '../outbox-events.ts';
import type { EscalateStrings } from '../strings/types.ts';

/** The part of a client that announces deliveries; a stand-in with only `escalate()` has none. */
type DeliveryEvents = Pick<EscalationClient<string>, 'addEventListener' | 'removeEventListener'>;

const announcesDeliveries = (client: EscalationClientLike | undefined): client is EscalationClientLike & DeliveryEvents =>
  typeof (client as Partial<DeliveryEvents> | undefined)?.addEventListener === 'function';

/**
 * Configures every `<escalate-button>` inside it: one endpoint or client, the categories,
 * strings and policy. A button's own settings win over the provider's.
 *
 * @summary Shares escalation settings with the buttons inside it.
 * @tag escalate-provider
 * @slot - The page content holding `<escalate-button>`s.
 *
 * @fires {EscalateErrorEvent} escalate-error - A queued escalation sent through `client` will not be sent: the server refused it, or kept failing on it. It stays in the client's outbox, marked failed; an open dialog shows it as failed with the form to edit and resend.
 * @fires {EscalateDeliveredEvent} escalate-delivered - A queued escalation sent through `client` reached the server later (on `online`, a later page load or a timer). Bubbles and is composed, so a host listens for it the same way as for buttons configured with an `endpoint`, whose deliveries arrive on `document`.
 */
export class EscalateProvider extends LitElement {
  // One line (prettier would indent it): a template literal's spaces are bytes every page loads.
  // prettier-ignore
  static override styles = css`:host{display:contents}`;

  // Declared here rather than by decorators: the decorators' code and a call per property are
  // bytes every page of closed buttons loads. Each property's JSDoc is on its field below.
  static override properties = {
    endpoint: {},
    agentId: { attribute: 'agent-id' },
    agentEmail: { attribute: 'agent-email' },
    agentStartedOn: { attribute: 'agent-started-on' },
    client: { attribute: false },
    categories: { attribute: false },
    strings: { attribute: false },
    policy: { attribute: false },
    currency: {},
    supportPhone: { attribute: 'support-phone' },
  };
  // The accessors of those properties exist from the class's definition on, as decorators made
  // them, not only once the element is defined: @lit/react (and other wrappers) tell a property
  // from an attribute by `name in prototype`, and a React tree rendered before the definition
  // would otherwise give `taskId`, `categories`… as attributes.
  static {
    this.finalize();
  }

  /** Where the buttons POST, unless `client` is set. */
  declare endpoint?: string;
  /** The agent's id, sent with every escalation. */
  declare agentId?: string;
  /** The agent's e-mail, sent with every escalation: the account team's progress reaches them there (contacted, resolved). */
  declare agentEmail?: string;
  /** The day the agent started (`2025-03-01`), sent with every escalation: the escalation rate is read against their experience. */
  declare agentStartedOn?: string;
  /**
   * A configured client (from `createEscalationClient`), shared by every button. Its `delivered`
   * events are re-dispatched from this element as `escalate-delivered` while it is connected.
   */
  declare client?: EscalationClientLike;
  /** The categories offered by every button. */
  declare categories?: readonly CategoryDefinition[];
  /** Strings for every button (e.g. a locale). */
  declare strings?: Partial<EscalateStrings>;
  /** The escalation policy for every button. */
  declare policy?: EscalationPolicy;
  /** The currency of credits and refunds (ISO 4217, e.g. `EUR`) for every button; USD unless set. */
  declare currency?: string;
  /** The support line shown under every form ("Still stuck? … call support"); 555-1234 unless set. */
  declare supportPhone?: string;

  /** What the buttons are given: a new object whenever a setting changes (see #publish). */
  #value: EscalationConfig = {};
  /**
   * Consumers that keep a subscription (other libraries' ContextConsumers; our own buttons ask
   * once, see ConfigRequestEvent), each with its unsubscribe. The provider side of the context
   * protocol is written here rather than by @lit/context's ContextProvider: the same protocol in
   * fewer bytes on every page of closed buttons.
   */
  readonly #subscribers = new Map<ContextCallback<EscalationConfig>, [consumer: Element, unsubscribe: () => void]>();
  /** Whether the context has been given a value from the properties yet. */
  #published = false;
  /** The client whose deliveries this element re-dispatches. */
  #heard?: DeliveryEvents;
  readonly #onDelivered = (e: EscalationDeliveredEvent) =>
    this.dispatchEvent(new EscalateDeliveredEvent(e.request.taskId, e.request, e.receipt));
  /** A queued escalation the outbox gave up on: no call waits for it, so the page is told. */
  readonly #onFailed = (e: EscalationErrorEvent) => {
    if (e.fromOutbox && e.request) this.dispatchEvent(new EscalateErrorEvent(e.request.taskId, e.error, e.request));
  };

  constructor() {
    super();
    this.addEventListener('context-request', (e) => {
      if (e.context !== escalationContext) return;
      const consumer = e.contextTarget ?? (e.composedPath()[0] as Element);
      if (consumer === this) return;
      e.stopPropagation();
      // Our buttons are answered once and asked again on a change (askAgain): no subscription.
      if (e instanceof ConfigRequestEvent || !e.subscribe) return e.callback(this.#value);
      let subscription = this.#subscribers.get(e.callback);
      if (!subscription) {
        subscription = [consumer, () => this.#subscribers.delete(e.callback)];
        this.#subscribers.set(e.callback, subscription);
      }
      e.callback(this.#value, subscription[1]);
    });
    // A provider of the context appeared below this one: the consumers subscribed here ask
    // again, and those under it move to it (what @lit/context's ContextProvider does).
    this.addEventListener('context-provider', (e: Event & { context?: unknown; contextTarget?: Element }) => {
      if (e.context !== escalationContext || (e.contextTarget ?? e.composedPath()[0]) === this) return;
      e.stopPropagation();
      for (const [callback, [consumer]] of this.#subscribers) {
        consumer.dispatchEvent(new ContextEvent(escalationContext, consumer, callback, true));
      }
    });
  }

  override connectedCallback() {
    // Settings before any button asks: buttons in the page upgrade right after their provider,
    // before its first update. (Connecting announces the provider: every button asks again.)
    this.#publish();
    super.connectedCallback();
    // The protocol's announcement: consumers that asked before this provider existed ask again.
    const announce = new Event('context-provider', { bubbles: true, composed: true });
    this.dispatchEvent(Object.assign(announce, { context: escalationContext, contextTarget: this }));
    this.#hear();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A provider taken out of the page must not keep the client's listener (and itself) alive.
    this.#hear();
  }

  protected override willUpdate() {
    if (this.#publish()) askAgain();
    this.#hear();
  }

  /**
   * Gives the context its value from the properties, as a new object only when a setting changed
   * (then every button in the page must ask again, and those under this provider render again).
   * Returns whether it changed.
   */
  #publish(): boolean {
    const value: EscalationConfig = {
      client: this.client,
      endpoint: this.endpoint,
      categories: this.categories,
      strings: this.strings,
      policy: this.policy,
      agentId: this.agentId,
      agentEmail: this.agentEmail,
      agentStartedOn: this.agentStartedOn,
      currency: this.currency,
      supportPhone: this.supportPhone,
    };
    const current = this.#value as Record<string, unknown>;
    if (this.#published && Object.entries(value).every(([k, v]) => current[k] === v)) return false;
    this.#published = true;
    this.#value = value;
    for (const [callback, [, unsubscribe]] of this.#subscribers) callback(value, unsubscribe);
    return true;
  }

  /** Listens to the current client's deliveries while connected, and to no other client's. */
  #hear() {
    const client = this.isConnected && announcesDeliveries(this.client) ? this.client : undefined;
    if (client === this.#heard) return;
    this.#heard?.removeEventListener('delivered', this.#onDelivered);
    this.#heard?.removeEventListener('error', this.#onFailed);
    client?.addEventListener('delivered', this.#onDelivered);
    client?.addEventListener('error', this.#onFailed);
    this.#heard = client;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
