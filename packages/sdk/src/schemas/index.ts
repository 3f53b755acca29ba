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
export { contextSchema, type ContextValues } from './context.ts';
export { contextRecord } from './context-record.ts';
export * from './request.ts';
export * from './answers.ts';
export * from './state.ts';
export * from './handled.ts';
