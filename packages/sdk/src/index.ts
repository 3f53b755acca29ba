export * from './schemas.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './outbox.ts';
export * from './client.ts';
export * from './policy.ts';
export * from './reference.ts';
