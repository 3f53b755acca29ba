export {
  contactMethods,
  contactMethodSchema,
  limits,
  priorities,
  prioritySchema,
  slugPattern,
  strictObjectError,
  urgencies,
  urgencySchema,
  type ContactMethod,
  type Priority,
  type Urgency,
} from './common.ts';
export * from './categories.ts';
export * from './signals.ts';
export * from './parties.ts';
export * from './context.ts';
export * from './context-record.ts';
export * from './request.ts';
export * from './answers.ts';
export * from './state.ts';
export * from './handled.ts';
