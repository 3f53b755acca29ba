/** The range's figures in a few words: counts, resolution, median and p90 times, deadlines kept (docs/policy.md#metrics). */
import { html } from 'lit';
import type { Metrics } from '../../metrics/schema.ts';
import { kept } from './sla-chart.ts';
import { duration, percent } from './words.ts';

export function renderSummary(m: Metrics) {
  const times = (t: Metrics['timeToFirstContact']) =>
    t.count ? `median ${duration(t.medianMs)}, 90% within ${duration(t.p90Ms)} (${t.count})` : 'none yet';
  return html`<dl class="summary">
    <div>
      <dt>Escalations</dt>
      <dd>${m.escalations}</dd>
    </div>
    <div>
      <dt>Handled without escalating</dt>
      <dd>${m.handled}</dd>
    </div>
    <div>
      <dt>Resolved</dt>
      <dd>${percent(m.resolution.rate)} (${m.resolution.resolved} of ${m.escalations})</dd>
    </div>
    <div>
      <dt>Time to first contact</dt>
      <dd>${times(m.timeToFirstContact)}</dd>
    </div>
    <div>
      <dt>Time to resolution</dt>
      <dd>${times(m.timeToResolution)}</dd>
    </div>
    <div>
      <dt>Contacted by the respond-by</dt>
      <dd>${kept(m.respondedInTime)}</dd>
    </div>
    <div>
      <dt>Resolved by the resolve-by</dt>
      <dd>${kept(m.resolvedInTime)}</dd>
    </div>
  </dl>`;
}
