/**
 * Bars stacked by team, as plain SVG from a Lit template, with the table of the same numbers.
 *
 * No chart library: the ones worth using cost more than the whole inbox in bytes, most draw into
 * a canvas (nothing for a screen reader) or set inline styles the page's CSP refuses, and a
 * stacked bar is a few rectangles. The SVG is a picture for the eye (`aria-hidden`); the table
 * behind it, with its caption, is what assistive technology reads and what anyone can open.
 */
import { html, nothing, svg } from 'lit';
import type { Labels } from '../format.ts';

export interface Period {
  /** What the axis and the table call it: `2025-03-03`, `2025-W10`. */
  label: string;
  total: number;
  byTeam: Record<string, number>;
}

export interface BarChartView {
  id: string;
  title: string;
  periods: Period[];
  /** The teams in stacking order (bottom first); each gets a colour class `c0`… `c5`. */
  teams: string[];
  labels: Labels;
  /** Label every n-th period on the axis (the table names them all). */
  every?: number;
}

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 8, bottom: 28 };

export const colourOf = (teams: string[], team: string) => `c${teams.indexOf(team) % 6}`;

export function renderBarChart({ id, title, periods, teams, labels, every = 1 }: BarChartView) {
  const max = Math.max(1, ...periods.map((p) => p.total));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, periods.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return html`<figure class="chart" aria-labelledby="${id}-title">
    <h3 id="${id}-title">${title}</h3>
    <svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
      ${ticks.map(
        (t) =>
          svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(t)} y2=${y(t)}></line>
            <text class="axis" x=${PAD.left - 6} y=${y(t) + 4} text-anchor="end">${t}</text>`,
      )}
      ${periods.map((p, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        let base = 0;
        return svg`${teams.map((team) => {
          const n = p.byTeam[team] ?? 0;
          if (!n) return nothing;
          const rect = svg`<rect class=${colourOf(teams, team)} x=${x} width=${barW} y=${y(base + n)} height=${y(base) - y(base + n)}></rect>`;
          base += n;
          return rect;
        })}
        ${i % every === 0 ? svg`<text class="axis" x=${x + barW / 2} y=${H - 10} text-anchor="middle">${p.label.slice(5)}</text>` : nothing}`;
      })}
    </svg>
    <ul class="legend" aria-hidden="true">
      ${teams.map((team) => html`<li><span class="swatch ${colourOf(teams, team)}"></span>${labels.team(team)}</li>`)}
    </ul>
    <details>
      <summary>Table of ${title.toLowerCase()}</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label="${title}, as a table">
        <table>
          <caption>
            ${title}, by team
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              ${teams.map((team) => html`<th scope="col">${labels.team(team)}</th>`)}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            ${periods.map(
              (p) =>
                html`<tr data-period=${p.label}>
                  <th scope="row">${p.label}</th>
                  ${teams.map((team) => html`<td>${p.byTeam[team] ?? 0}</td>`)}
                  <td>${p.total}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
