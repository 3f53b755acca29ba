import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CategoryDefinition, EscalationPolicy } from '@escalate-kit/sdk';
import { escalationContext, type EscalationClientLike } from '../context.ts';
import type { EscalateStrings } from '../strings/en.ts';

/**
 * Configures every `<escalate-button>` inside it: one endpoint or client, the categories,
 * strings and policy. A button's own settings win over the provider's.
 *
 * @summary Shares escalation settings with the buttons inside it.
 * @tag escalate-provider
 * @slot - The page content holding `<escalate-button>`s.
 */
export class EscalateProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Where the buttons POST, unless `client` is set. */
  @property() endpoint?: string;
  /** The agent's id, sent with every escalation. */
  @property({ attribute: 'agent-id' }) agentId?: string;
  /** A configured client (from `createEscalationClient`), shared by every button. */
  @property({ attribute: false }) client?: EscalationClientLike;
  /** The categories offered by every button. */
  @property({ attribute: false }) categories?: readonly CategoryDefinition[];
  /** Strings for every button (e.g. a locale). */
  @property({ attribute: false }) strings?: Partial<EscalateStrings>;
  /** The escalation policy for every button. */
  @property({ attribute: false }) policy?: EscalationPolicy;

  readonly #provider = new ContextProvider(this, { context: escalationContext, initialValue: {} });

  protected override willUpdate() {
    this.#provider.setValue({
      client: this.client,
      endpoint: this.endpoint,
      categories: this.categories,
      strings: this.strings,
      policy: this.policy,
      agentId: this.agentId,
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
