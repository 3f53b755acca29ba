export * from './schemas/index.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './outbox.ts';
export * from './core/client.ts';
export * from './core/options.ts';
export type { EscalationListQuery } from './core/read.ts';
// Types only: the watch's code loads with the first `client.watch()`.
export type {
  EscalationChangeEvent,
  EscalationWatch,
  EscalationWatchErrorEvent,
  EscalationWatchEventMap,
  WatchOptions,
} from './core/watch.ts';
export { createEscalationId } from './utils/id.ts';
export * from './policy/index.ts';
export * from './notes.ts';
export * from './reference.ts';
export { canonicalJson } from './utils/canonical-json.ts';
