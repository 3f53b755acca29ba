/**
 * How the account team reaches the customer: the method, the address it needs (the host's, or a
 * field), and the urgency. With suspected fraud no address is taken from the caller
 * (docs/policy.md#fraud): the method's error says to use one the account already has.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { contactMethods, urgencies, type ContactMethod, type Urgency } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import type { FieldHelpers } from './fields.ts';
import type { Address } from './form-state.ts';

/**
 * Where each urgency sits among the radios: the usual choice first, the exception after it.
 * A record over `Urgency`, so an urgency added to the SDK does not compile until it has a place.
 */
const urgencyPlace: Record<Urgency, number> = { standard: 0, urgent: 1 };
const urgencyChoices = [...urgencies].sort((a, b) => urgencyPlace[a] - urgencyPlace[b]);

export interface ContactView {
  strings: EscalateStrings;
  values: { contactMethod: ContactMethod | ''; phone: string; email: string };
  address?: Address | undefined;
  /** Only an address the host gave may be used (suspected fraud): no field to type one. */
  knownContactOnly: boolean;
  urgency: { urgency: Urgency; fixedBy?: string };
}

function addressTemplate({ strings: s, values: v, address, knownContactOnly }: ContactView, f: FieldHelpers) {
  if (!address || (!address.given && knownContactOnly)) return nothing;
  // Phone numbers and e-mail addresses read left to right in every language: on an RTL page a
  // "+" would otherwise jump to the end of the number. Two templates, not one with bindings: a
  // switch of method gives a new field, not the old one renamed (with its focus and IME state).
  return html`<div part="field field-contact" class="field">
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
                aria-invalid=${f.invalid('phone')}
                aria-describedby=${f.described('phone')}
                .value=${live(v.phone)}
              />
              ${f.err('phone')}`
          : html`<label for="email">${s.email}</label>
              <input
                id="email"
                name="email"
                type="email"
                dir="ltr"
                autocomplete="off"
                aria-required="true"
                aria-invalid=${f.invalid('email')}
                aria-describedby=${f.described('email')}
                .value=${live(v.email)}
              />
              ${f.err('email')}`
    }
  </div>`;
}

export function contactTemplate(view: ContactView, f: FieldHelpers) {
  const { strings: s, values: v, urgency } = view;
  return html`<fieldset
      part="field field-contact-method"
      class="field"
      role="radiogroup"
      aria-labelledby="contact-legend"
      aria-required="true"
      aria-invalid=${f.invalid('contactMethod')}
      aria-describedby=${f.described('contactMethod')}
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
      ${f.err('contactMethod')}
    </fieldset>

    ${addressTemplate(view, f)}

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
    </fieldset>`;
}
