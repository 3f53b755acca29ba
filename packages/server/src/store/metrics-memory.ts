/**
 * The memory store's handled reports and metric rows (`insertHandled`, `metricsRows`): the same
 * contract as `metrics-sql.ts`, so the figures agree whichever store a server runs on.
 */
import type { EscalationStore, StoredEscalation } from '../types.ts';
import { toStoredHandled, type StoredHandled } from '../metrics/handled.ts';
import { isoString } from './common.ts';

/** The two methods over the memory store's escalations (`records`, read when called). */
export function memoryMetrics(records: () => Iterable<StoredEscalation>): Pick<EscalationStore, 'insertHandled' | 'metricsRows'> {
  const reports = new Map<string, { record: StoredHandled; bodyHash: string }>();
  const inRange = (iso: string, from: number, to: number) => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  return {
    async insertHandled(report) {
      // Checked and set in one synchronous step: concurrent inserts of one id store one row.
      const existing = reports.get(report.id);
      if (existing) return { inserted: false, record: structuredClone(existing.record), bodyHash: existing.bodyHash };
      const record = toStoredHandled({ ...report, handledAt: isoString(report.handledAt), receivedAt: isoString(report.receivedAt) });
      reports.set(report.id, { record, bodyHash: report.bodyHash });
      return { inserted: true, record: structuredClone(record), bodyHash: report.bodyHash };
    },

    async metricsRows(from, to) {
      const [start, end] = [Date.parse(from), Date.parse(to)];
      return {
        escalations: [...records()].filter((r) => inRange(r.receivedAt, start, end)).map((r) => structuredClone(r)),
        handled: [...reports.values()].filter(({ record }) => inRange(record.handledAt, start, end)).map((r) => structuredClone(r.record)),
      };
    },
  };
}
