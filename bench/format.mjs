/** How figures read in bench/results.md: one spelling of kB, ms, ratios and verdicts everywhere. */

export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
export const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms` : 'n/a');
export const ratio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
export const num = (v, digits = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a');
/** ✓ holds, ✗ does not, – could not be measured (the note says why). */
export const holds = (ok) => (ok === undefined ? '–' : ok ? '✓' : '✗');
/** One verdict per target of a row with several, in the order the target cell names them. */
export const holdsEach = (...oks) => oks.map(holds).join(' · ');
