/**
 * The escalation form: category, notes, contact method (and address), urgency, the policy's
 * suggestion, Cancel and submit. Labels and descriptions are plain ids in the button's shadow
 * root, so every field is described by its hint, count and error.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { contactMethods, limits, urgencies, type CategoryDefinition, type Urgency } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/en.ts';
import type { Draft } from './draft.ts';
import type { Address, Field } from './form-state.ts';

/**
 * Where each urgency sits among the radios: the usual choice first, the exception after it.
 * A record over `Urgency`, so an urgency added to the SDK does not compile until it has a place.
 */
const urgencyPlace: Record<Urgency, number> = { standard: 0, urgent: 1 };
const urgencyChoices = [...urgencies].sort((a, b) => urgencyPlace[a] - urgencyPlace[b]);

export interface FormView {
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
  address?: Address | undefined;
  urgency: { urgency: Urgency; fixedBy?: string };
  /** The policy's suggestion, when it says more than "the usual team". */
  policy?: { mandatory: boolean; team: string } | undefined;
}

export interface FormActions {
  submit: (e: SubmitEvent) => void;
  input: (e: Event) => void;
  focusout: (e: FocusEvent) => void;
  cancel: () => void;
}

export function formTemplate(view: FormView, on: FormActions) {
  const { strings: s, values: v, errors, busy, address, urgency, policy } = view;
  const selected = view.categories.find((c) => c.id === v.category);
  const hint = selected && (s.categories[selected.id]?.hint ?? selected.hint);
  const count = v.notes.trim().length;
  const err = (f: Field) => (errors.has(f) ? html`<p id="${f}-error" class="error">${errors.get(f)}</p>` : nothing);
  const described = (f: Field, ...ids: string[]) => [...ids, ...(errors.has(f) ? [`${f}-error`] : [])].join(' ') || nothing;
  // Invalid only once the agent has been there (or submitted), and said so explicitly: left to
  // the native constraint (`required`, `type=email`), every empty field would be exposed as
  // invalid the moment the dialog opens. Required is said on every required field: natively
  // on the select (Chromium ignores aria-required there), with aria-required elsewhere.
  const invalid = (f: Field) => (errors.has(f) ? 'true' : 'false');

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
        <select
          id="category"
          name="category"
          data-autofocus
          required
          aria-invalid=${invalid('category')}
          aria-describedby=${described('category', ...(hint ? ['category-hint'] : []))}
        >
          <option value="" ?selected=${!v.category} disabled>${s.chooseCategory}</option>
          ${view.categories.map(
            (c) => html`<option value=${c.id} ?selected=${c.id === v.category}>${s.categories[c.id]?.label ?? c.label}</option>`,
          )}
        </select>
        ${hint ? html`<p id="category-hint" class="muted">${hint}</p>` : nothing} ${err('category')}
      </div>

      <div part="field field-notes" class="field">
        <label for="notes">${s.notes}</label>
        <p id="notes-example" class="muted">${s.notesExample}</p>
        <textarea
          id="notes"
          name="notes"
          rows="5"
          aria-required="true"
          aria-invalid=${invalid('notes')}
          aria-describedby=${described('notes', 'notes-example', 'notes-count')}
          .value=${live(v.notes)}
        ></textarea>
        <p id="notes-count" class="muted count ${count > limits.notes ? 'over' : ''}">${s.charCount(count, limits.notes)}</p>
        ${err('notes')}
      </div>

      <fieldset
        part="field field-contact-method"
        class="field"
        role="radiogroup"
        aria-labelledby="contact-legend"
        aria-required="true"
        aria-invalid=${invalid('contactMethod')}
        aria-describedby=${described('contactMethod')}
      >
        <legend id="contact-legend">${s.contactMethod}</legend>
        <div class="choices">
          ${contactMethods.map(
            (m) =>
              html`<label class="choice"
                ><input type="radio" name="contactMethod" value=${m} .checked=${live(v.contactMethod === m)} /> ${s.methods[m]}</label
              >`,
          )}
        </div>
        ${err('contactMethod')}
      </fieldset>

      ${
        address
          ? // Phone numbers and e-mail addresses read left to right in every language: on an RTL
            // page a "+" would otherwise jump to the end of the number.
            html`<div part="field field-contact" class="field">
              ${
                address.given
                  ? html`<p class="muted">${s.usingAddress(address.given)}</p>`
                  : address.field === 'phone'
                    ? html`<label for="phone">${s.phone}</label>
                        <input
                          id="phone"
                          name="phone"
                          type="tel"
                          dir="ltr"
                          autocomplete="off"
                          inputmode="tel"
                          aria-required="true"
                          aria-invalid=${invalid('phone')}
                          aria-describedby=${described('phone')}
                          .value=${live(v.phone)}
                        />
                        ${err('phone')}`
                    : html`<label for="email">${s.email}</label>
                        <input
                          id="email"
                          name="email"
                          type="email"
                          dir="ltr"
                          autocomplete="off"
                          aria-required="true"
                          aria-invalid=${invalid('email')}
                          aria-describedby=${described('email')}
                          .value=${live(v.email)}
                        />
                        ${err('email')}`
              }
            </div>`
          : nothing
      }

      <fieldset part="field field-urgency" class="field" aria-describedby=${urgency.fixedBy ? 'urgency-fixed' : nothing}>
        <legend>${s.urgency}</legend>
        <div class="choices">
          ${urgencyChoices.map(
            (u) =>
              html`<label class="choice"
                ><input type="radio" name="urgency" value=${u} .checked=${live(urgency.urgency === u)} ?disabled=${!!urgency.fixedBy} />
                ${s.urgencies[u]}</label
              >`,
          )}
        </div>
        ${urgency.fixedBy ? html`<p id="urgency-fixed" class="muted">${s.urgencyFixed(s.urgencies[urgency.urgency], urgency.fixedBy)}</p>` : nothing}
      </fieldset>

      ${
        policy
          ? html`<p part="policy" class="policy">
              ${policy.mandatory ? s.policyMandatory : nothing} ${s.policyTeam(s.teams[policy.team] ?? policy.team)}
            </p>`
          : nothing
      }
    </fieldset>
    <div part="footer" class="footer">
      <button type="button" class="secondary" ?disabled=${busy} @click=${on.cancel}>${s.cancel}</button>
      <button part="submit" type="submit" class="primary" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>
        ${busy ? s.submitting : s.submit}
      </button>
    </div>
  </form>`;
}
