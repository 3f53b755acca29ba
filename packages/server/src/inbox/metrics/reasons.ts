/** Why escalations came, in the range: by category, by team and by signal (docs/policy.md#metrics, #signals). */
import { html } from 'lit';
import type { Metrics } from '../../metrics/schema.ts';
import type { Labels } from '../format.ts';

/** docs/policy.md#signals, in words. */
const signalWords: Record<string, string> = {
  fraudSuspected: 'Fraud suspected',
  legalThreat: 'Legal threat',
  cancellation: 'Cancellation',
  managerRequested: 'Manager requested',
  vip: 'VIP customer',
  multipleCustomersAffected: 'Several customers affected',
  troubleshootingExhausted: 'Troubleshooting exhausted',
  upset: 'Customer upset',
  unknownAnswer: 'Agent did not know the answer',
};

function counts(id: string, caption: string, entries: [string, number][]) {
  return html`<table id=${id} class="counts">
    <caption>
      ${caption}
    </caption>
    <tbody>
      ${entries.map(
        ([name, n]) =>
          html`<tr>
            <th scope="row">${name}</th>
            <td>${n}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const sorted = (record: Record<string, number>, name: (id: string) => string): [string, number][] =>
  Object.entries(record)
    .sort(([, a], [, b]) => b - a)
    .map(([id, n]) => [name(id), n]);

export function renderReasons(m: Metrics, labels: Labels) {
  return html`<div class="reasons">
    ${counts('by-category', 'By category', sorted(m.byCategory, labels.category))}
    ${counts('by-team', 'By team', sorted(m.byTeam, labels.team))}
    ${counts(
      'by-signal',
      'By signal (one escalation may carry several)',
      sorted(m.bySignal, (s) => signalWords[s] ?? s),
    )}
  </div>`;
}
