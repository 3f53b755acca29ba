/**
 * SLA compliance over time: per ISO week of receipt, the share contacted by the respond-by and
 * the share resolved by the resolve-by (docs/policy.md#respond-by), as paired bars from 0 to 100%
 * in plain SVG (why no library: see `bar-chart.ts`), with the table of the same numbers.
 */
import { html, nothing, svg } from 'lit';
import type { Metrics } from '../../metrics/schema.ts';
import { percent } from './words.ts';

const W = 640;
const H = 200;
const PAD = { left: 44, right: 8, top: 8, bottom: 28 };

/** `60% (3 of 5)`, or `—` when none was due. */
export const kept = (s: { due: number; met: number; share: number | null }) =>
  s.share === null ? '—' : `${percent(s.share)} (${s.met} of ${s.due})`;

export function renderSlaChart(weeks: Metrics['slaPerWeek']) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.max(2, slot * 0.35);
  const y = (share: number) => PAD.top + plotH - share * plotH;
  const bar = (cls: string, x: number, share: number | null) =>
    share === null
      ? nothing
      : svg`<rect class=${cls} x=${x} width=${barW} y=${y(share)} height=${Math.max(1, plotH - (y(share) - PAD.top))}></rect>`;
  return html`<figure class="chart" aria-labelledby="sla-title">
    <h3 id="sla-title">Deadlines kept, per week</h3>
    <svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
      ${[0, 0.5, 1].map(
        (t) =>
          svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(t)} y2=${y(t)}></line>
            <text class="axis" x=${PAD.left - 6} y=${y(t) + 4} text-anchor="end">${t * 100}%</text>`,
      )}
      ${weeks.map((w, i) => {
        const x = PAD.left + i * slot + slot / 2 - barW;
        return svg`${bar('respond', x, w.respond.share)}${bar('resolve', x + barW, w.resolve.share)}
          <text class="axis" x=${x + barW} y=${H - 10} text-anchor="middle">${w.week.slice(5)}</text>`;
      })}
    </svg>
    <ul class="legend" aria-hidden="true">
      <li><span class="swatch respond"></span>Contacted by the respond-by</li>
      <li><span class="swatch resolve"></span>Resolved by the resolve-by</li>
    </ul>
    <details>
      <summary>Table of deadlines kept, per week</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Deadlines kept per week, as a table">
        <table>
          <caption>
            Deadlines kept per week of receipt (those not yet due are not counted)
          </caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Contacted by the respond-by</th>
              <th scope="col">Resolved by the resolve-by</th>
            </tr>
          </thead>
          <tbody>
            ${weeks.map(
              (w) =>
                html`<tr data-period=${w.week}>
                  <th scope="row">${w.week} (from ${w.start})</th>
                  <td>${kept(w.respond)}</td>
                  <td>${kept(w.resolve)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
