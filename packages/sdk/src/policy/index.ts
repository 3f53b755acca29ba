// The escalation policy of our procedures (docs/policy.md): data, its schema, and the pure
// functions that read it. Every rule is data, so a host changes a limit or a team without
// forking code.
export * from './schema.ts';
export { defaultPolicy } from './defaults.ts';
export { definePolicy } from './merge.ts';
export * from './routing.ts';
export * from './time.ts';
export * from './script.ts';
export * from './briefing.ts';
export * from './deadlines.ts';
export * from './detect.ts';
export * from './advice.ts';
export * from './durations.ts';
