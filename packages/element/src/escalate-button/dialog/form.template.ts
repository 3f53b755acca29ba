/**
 * The escalation form, in screen order: category, the note and what it suggests, what the agent
 * knows, what the customer wants and what the agent recommends, contact and urgency, the routing
 * line, Cancel and submit. Labels and descriptions are plain ids in the button's shadow root, so
 * every field is described by its hint, count and error.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { limits, type CategoryDefinition } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import { caseTemplate } from './case.template.ts';
import { contactTemplate, type ContactView } from './contact.template.ts';
import type { Draft } from './draft.ts';
import { fieldHelpers, type Field, type FieldHelpers } from './fields.ts';
import type { Suggestion } from './noticing.ts';
import { routingTemplate } from './routing.template.ts';
import type { RoutingView } from './routing-view.ts';
import { suggestionsTemplate, type SuggestionActions } from './suggestions.template.ts';

export interface FormView extends Omit<ContactView, 'values'> {
  strings: EscalateStrings;
  values: Draft;
  categories: readonly CategoryDefinition[];
  /** One message per field, for the fields whose problems show. */
  errors: ReadonlyMap<Field, string>;
  /** Sending: the fields are disabled and submit says so. */
  busy: boolean;
  /** The last send failed with this message: shown in a panel with Retry. */
  failure?: string | undefined;
  /** A submit found problems: how many is said above the fields. */
  summary: boolean;
  /** The currency of the credit or refund. */
  currency: string;
  suggestions: readonly Suggestion[];
  /** Where the case goes and why, once a category is chosen. */
  routing?: RoutingView | undefined;
  teamName: (id: string) => string;
  /** The support line for an agent who is stuck. */
  supportPhone: string;
}

export interface FormActions extends SuggestionActions {
  submit: (e: SubmitEvent) => void;
  input: (e: Event) => void;
  focusout: (e: FocusEvent) => void;
  cancel: () => void;
}

/** One line of free text, optional: what the customer wants, or what the agent recommends. */
function oneLine(name: 'customerRequest' | 'recommendation', label: string, example: string, value: string, f: FieldHelpers) {
  return html`<div part="field field-${name === 'customerRequest' ? 'customer-request' : 'recommendation'}" class="field">
    <label for=${name}>${label}</label>
    <p id="${name}-example" class="muted">${example}</p>
    <input
      id=${name}
      name=${name}
      type="text"
      autocomplete="off"
      aria-invalid=${f.invalid(name)}
      aria-describedby=${f.described(name, `${name}-example`)}
      .value=${live(value)}
    />
    ${f.err(name)}
  </div>`;
}

export function formTemplate(view: FormView, on: FormActions) {
  const { strings: s, values: v, errors, busy } = view;
  const selected = view.categories.find((c) => c.id === v.category);
  const hint = selected && (s.categories[selected.id]?.hint ?? selected.hint);
  const count = v.notes.trim().length;
  const f = fieldHelpers(errors);

  return html`<form
    part="form"
    novalidate
    aria-busy=${busy ? 'true' : 'false'}
    @submit=${on.submit}
    @input=${on.input}
    @change=${on.input}
    @focusout=${on.focusout}
  >
    <p class="muted">${s.dialogIntro}</p>
    ${
      view.failure !== undefined
        ? html`<div part="result" class="result error-panel" role="alert">
            <h3 tabindex="-1">${s.errorTitle}</h3>
            <p>${view.failure}</p>
            <button type="submit" class="primary" data-retry>${s.retry}</button>
          </div>`
        : nothing
    }
    ${view.summary ? html`<p class="error summary" role="alert">${s.errorsSummary(errors.size)}</p>` : nothing}
    <fieldset class="fields" ?disabled=${busy}>
      <div part="field field-category" class="field">
        <label for="category">${s.category}</label>
        <!-- Required natively: Chromium ignores aria-required on a select. -->
        <select
          id="category"
          name="category"
          data-autofocus
          required
          aria-invalid=${f.invalid('category')}
          aria-describedby=${f.described('category', ...(hint ? ['category-hint'] : []), 'category-unsure')}
        >
          <option value="" ?selected=${!v.category} disabled>${s.chooseCategory}</option>
          ${view.categories.map(
            (c) => html`<option value=${c.id} ?selected=${c.id === v.category}>${s.categories[c.id]?.label ?? c.label}</option>`,
          )}
        </select>
        <p class="muted">
          ${hint ? html`<span id="category-hint">${hint}</span> · ` : nothing}<span id="category-unsure">${s.categoryUnsure}</span>
        </p>
        ${f.err('category')}
      </div>

      <div part="field field-notes" class="field">
        <label for="notes">${s.notes}</label>
        <p id="notes-example" class="muted">${s.notesExample}</p>
        <textarea
          id="notes"
          name="notes"
          rows="5"
          aria-required="true"
          aria-invalid=${f.invalid('notes')}
          aria-describedby=${f.described('notes', 'notes-example', 'notes-count')}
          .value=${live(v.notes)}
        ></textarea>
        <p id="notes-count" class="muted count ${count > limits.notes ? 'over' : ''}">${s.charCount(count, limits.notes)}</p>
        ${f.err('notes')} ${suggestionsTemplate(s, view.suggestions, on)}
      </div>

      ${caseTemplate(view, f)} ${oneLine('customerRequest', s.customerRequest, s.customerRequestExample, v.customerRequest, f)}
      ${oneLine('recommendation', s.recommendation, s.recommendationExample, v.recommendation, f)} ${contactTemplate(view, f)}
      ${routingTemplate(s, view.routing, view.teamName)}
    </fieldset>
    <p class="muted stuck">${s.stillStuck} <bdi dir="ltr">${view.supportPhone}</bdi></p>
    <div part="footer" class="footer">
      <button type="button" class="secondary" ?disabled=${busy} @click=${on.cancel}>${s.cancel}</button>
      <button
        part="submit"
        type="submit"
        class="primary"
        aria-disabled=${ifDefined(busy ? 'true' : undefined)}
        aria-describedby=${view.routing ? 'routing-line' : nothing}
      >
        ${busy ? s.submitting : s.submit}
      </button>
    </div>
  </form>`;
}
