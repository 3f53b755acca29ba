/**
 * `<inbox-metrics>`: a lead's Metrics page (docs/policy.md#metrics). It reads `GET /api/stats`
 * for a range of days in the browser's time zone (by default the server's last 8 weeks) and shows
 * the figures: a short summary, escalations per week and per day stacked by team, deadlines kept
 * per week, the reasons, and each agent's escalation rate against their healthy range.
 */
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { statsAnswerSchema, type Metrics } from '../../metrics/schema.ts';
import type { Meta } from '../../types.ts';
import { accessStyles } from '../access.styles.ts';
import { labelsFrom } from '../format.ts';
import { SignedOutError, type Caller } from '../http.ts';
import { inboxStyles } from '../inbox.styles.ts';
import { renderAgents } from './agents-table.ts';
import { renderBarChart } from './bar-chart.ts';
import { metricsStyles } from './metrics.styles.ts';
import { renderReasons } from './reasons.ts';
import { renderSlaChart } from './sla-chart.ts';
import { renderSummary } from './summary.ts';

/** The zone the person reads days in; the server counts days and weeks in it. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export class InboxMetrics extends LitElement {
  static override styles = [inboxStyles, accessStyles, metricsStyles];

  /** The inbox's caller: the session cookie and the 401 handling. */
  @property({ attribute: false }) call?: Caller;
  /** Category labels and team names, as the server is configured. */
  @property({ attribute: false }) meta?: Meta;

  @state() private metrics?: Metrics;
  @state() private error = '';
  @state() private busy = false;
  #loads = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('call') && this.call) void this.load();
  }

  /** Loads the range (`from`, `to` as `YYYY-MM-DD`; empty for the server's default). */
  async load(from = '', to = '') {
    if (!this.call) return;
    const load = ++this.#loads;
    const query = new URLSearchParams({ tz: browserZone() });
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    this.busy = true;
    try {
      const answer = await this.call(statsAnswerSchema, `/api/stats?${query}`);
      if (load !== this.#loads) return;
      this.metrics = answer.metrics;
      this.error = '';
    } catch (e) {
      if (load === this.#loads && !(e instanceof SignedOutError)) this.error = (e as Error).message;
    } finally {
      if (load === this.#loads) this.busy = false;
    }
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void this.load(String(form.get('from') ?? ''), String(form.get('to') ?? ''));
  }

  #renderRange(m: Metrics | undefined) {
    return html`<form class="range" aria-label="Range of days" @submit=${this.#submit}>
      <label>From <input type="date" name="from" .value=${m?.range.from ?? ''} required /></label>
      <label>To <input type="date" name="to" .value=${m?.range.to ?? ''} required /></label>
      <button ?disabled=${this.busy}>Show</button>
      ${m ? html`<p class="muted">Days in ${m.range.tz}.</p>` : nothing}
    </form>`;
  }

  override render() {
    const m = this.metrics;
    const labels = labelsFrom(this.meta);
    // Teams with escalations in the range, most first: the stacking order of every chart.
    const teams = m
      ? Object.entries(m.byTeam)
          .filter(([, n]) => n > 0)
          .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
          .map(([team]) => team)
      : [];
    return html`<h2 id="metrics-title" tabindex="-1">Metrics</h2>
      ${this.#renderRange(m)}
      <p role="status" aria-live="polite">${this.busy ? 'Loading the figures…' : ''}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        m
          ? html`${renderSummary(m)}
              <div class="charts">
                ${renderBarChart({
                  id: 'per-week',
                  title: 'Escalations per week',
                  periods: m.perWeek.map((w) => ({ ...w, label: w.week })),
                  teams,
                  labels,
                })}
                ${renderBarChart({
                  id: 'per-day',
                  title: 'Escalations per day',
                  periods: m.perDay.map((d) => ({ ...d, label: d.day })),
                  teams,
                  labels,
                  every: Math.ceil(m.perDay.length / 8),
                })}
                ${renderSlaChart(m.slaPerWeek)}
              </div>
              <h3>Reasons</h3>
              ${renderReasons(m, labels)}
              <h3>Escalation rate per agent</h3>
              ${renderAgents(m.agents)}`
          : nothing
      }`;
  }
}

if (!customElements.get('inbox-metrics')) customElements.define('inbox-metrics', InboxMetrics);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-metrics': InboxMetrics;
  }
}
