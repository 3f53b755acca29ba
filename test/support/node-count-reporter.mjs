// A node:test reporter that writes the pass/fail/skip counts of real tests (not suites)
// as JSON, so test/run.mjs can print one total across Node and browser tests.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that fails in a hook counts as one failure, or it would pass unnoticed.
      if (event.type === 'test:fail' && event.data.details.error?.failureType === 'hookFailed') counts.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
