/**
 * What the note suggests (docs/policy.md#noticed-as-typed), each with one click to confirm and
 * one to dismiss. Not a live region: the dialog announces new suggestions once, when typing
 * pauses, rather than on every keystroke that redraws this list.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EscalateStrings } from '../../strings/types.ts';
import type { Suggestion } from './noticing.ts';

export interface SuggestionActions {
  accept: (s: Suggestion, as?: 'credit' | 'refund') => void;
  dismiss: (s: Suggestion) => void;
}

export function suggestionsTemplate(s: EscalateStrings, items: readonly Suggestion[], on: SuggestionActions) {
  if (!items.length) return nothing;
  return html`<div part="suggestions" class="suggestions" role="group" aria-labelledby="noticed-title">
    <p id="noticed-title" class="muted">${s.noticedTitle}</p>
    <ul>
      ${repeat(
        items,
        (item) => item.key,
        (item, n) => {
          const id = `noticed-${n}`;
          // An amount whose words do not say which it is asks: a credit or a refund?
          const choices =
            item.kind === 'amount' && !item.as
              ? (['credit', 'refund'] as const).map((as) => [s.amountKinds[as], as] as const)
              : ([[item.kind === 'signal' ? s.flag : s.setAmount, undefined]] as const);
          return html`<li data-suggestion>
            <span id=${id}>${item.text}</span>
            <span class="actions">
              ${choices.map(
                ([label, as]) =>
                  html`<button type="button" class="secondary" aria-describedby=${id} @click=${() => on.accept(item, as)}>
                    ${label}
                  </button>`,
              )}
              <button type="button" class="quiet" aria-describedby=${id} @click=${() => on.dismiss(item)}>${s.dismiss}</button>
            </span>
          </li>`;
        },
      )}
    </ul>
  </div>`;
}
