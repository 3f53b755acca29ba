/**
 * What the agent knows about the case (docs/policy.md#signals): one chip-styled native checkbox
 * per signal in a fieldset with a legend, and the credit or refund asked for. Native checkboxes,
 * not a toolbar of toggle buttons: these are yes/no facts sent with a form, so each is read as
 * "checkbox, checked" inside its named group, Space toggles it, and there is no roving focus to
 * get wrong.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { signalNames, type SignalName } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import type { Draft } from './draft.ts';
import type { FieldHelpers } from './fields.ts';

/**
 * Where each toggle sits: what agents meet most first. A record over `SignalName`, so a signal
 * added to the SDK does not compile until it has a place (and a label in the strings).
 */
const flagPlace: Record<SignalName, number> = {
  managerRequested: 0,
  legalThreat: 1,
  upset: 2,
  fraudSuspected: 3,
  cancellation: 4,
  vip: 5,
  multipleCustomersAffected: 6,
  troubleshootingExhausted: 7,
  unknownAnswer: 8,
};
const flagOrder = [...signalNames].sort((a, b) => flagPlace[a] - flagPlace[b]);

export interface CaseView {
  strings: EscalateStrings;
  values: Draft;
  currency: string;
}

export function caseTemplate({ strings: s, values: v, currency }: CaseView, f: FieldHelpers) {
  const kinds = [
    ['', s.amountKinds.none],
    ['credit', s.amountKinds.credit],
    ['refund', s.amountKinds.refund],
  ] as const;
  return html`<fieldset part="field field-signals" class="field">
    <legend>${s.flagsLegend}</legend>
    <div class="chips">
      ${flagOrder.map(
        (name) =>
          html`<label class="chip"
            ><input
              type="checkbox"
              name="flag"
              value=${name}
              .checked=${live(!!v.flags[name])}
              aria-describedby=${name === 'fraudSuspected' ? 'fraud-hint' : nothing}
            />
            ${s.flags[name]}</label
          >`,
      )}
    </div>
    <p id="fraud-hint" class="muted">${s.fraudHint}</p>
    <div part="field-amount" class="pair">
      <div class="field">
        <label for="amountKind">${s.amountKind}</label>
        <select id="amountKind" name="amountKind">
          ${kinds.map(([value, label]) => html`<option value=${value} ?selected=${v.amountKind === value}>${label}</option>`)}
        </select>
      </div>
      ${
        v.amountKind
          ? // Digits read left to right in every language, like phone numbers.
            html`<div class="field">
              <label for="amount">${s.amountLabel(currency)}</label>
              <input
                id="amount"
                name="amount"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                dir="ltr"
                aria-required="true"
                aria-invalid=${f.invalid('amount')}
                aria-describedby=${f.described('amount')}
                .value=${live(v.amount)}
              />
            </div>`
          : nothing
      }
    </div>
    ${f.err('amount')}
  </fieldset>`;
}
