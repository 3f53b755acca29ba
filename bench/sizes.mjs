/**
 * Section 1, sizes: what escalate-kit costs a host page in gzip bytes, against Sentry's feedback
 * widget built the same way (bench/bundle-size.mjs). Deterministic for a given lockfile and
 * working tree, so one build each is enough (no repetitions).
 */
import { entries, measureBundle } from './bundle-size.mjs';
import { holds, holdsEach, kB, ratio } from './format.mjs';

const KB = 1024;

export async function sizes() {
  const [element, sdk, sentryFeedback, sentrySend] = await Promise.all(
    [entries.element, entries.sdkClient, entries.sentryFeedback, entries.sentrySend].map(measureBundle),
  );
  const bRatio = element.all / sentryFeedback.all;
  const rows = [
    [
      '(a) page before any dialog opens: `element/define`, eager chunk',
      kB(element.eager),
      '',
      '',
      '≤ 9 kB',
      holds(element.eager <= 9 * KB),
    ],
    [
      `(b) everything needed to submit: eager + lazy dialog and what it loads (${element.chunks} chunks)`,
      kB(element.all),
      `Sentry + feedbackIntegration ${kB(sentryFeedback.all)}`,
      ratio(bRatio),
      '≤ 30 kB and ≤ 0.6×',
      holdsEach(element.all <= 30 * KB, bRatio <= 0.6),
    ],
    [
      '(c) SDK client alone: `createEscalationClient`',
      kB(sdk.all),
      `Sentry + sendFeedback ${kB(sentrySend.all)}`,
      ratio(sdk.all / sentrySend.all),
      '≤ 18 kB',
      holds(sdk.all <= 18 * KB),
    ],
  ];
  const top = (m) =>
    m.contributors
      .filter(([name, bytes]) => bytes > 0 && name !== '<stdin>')
      .slice(0, 8)
      .map(([name, bytes]) => `${name} ${kB(bytes)}`)
      .join(', ');
  return {
    title: '1. Sizes (gzip -9 of esbuild production bundles)',
    head: ['bundle', 'gzip', 'baseline', 'ratio', 'target', 'holds'],
    rows,
    notes: [
      'Built with `conditions: [source, browser, production]`, `NODE_ENV=production`, minified ESM with code splitting, then gzip -9 per chunk.',
      `Where the bytes of (b) go (minified, before gzip): ${top(element)}.`,
      `Where the bytes of (c) go (minified, before gzip): ${top(sdk)}.`,
      `Sentry + feedbackIntegration (minified): ${top(sentryFeedback)}.`,
    ],
  };
}
