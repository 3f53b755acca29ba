/** The server's answers: receipt and error body. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorBodySchema, escalationReceiptSchema, limits } from '@escalate-kit/sdk';
import { issuesOf, parse, OMIT, uuid, runCases, bounds, type Case } from './support.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

describe('escalationReceiptSchema', () => {
  const receipt = () => ({ id: uuid, taskId: 'T-1042', status: 'received', team: 'billing', respondBy: '2025-03-04T17:00:00.000Z' });

  it('defaults duplicate to false', () => {
    assert.deepEqual(parse(escalationReceiptSchema, receipt()), { ...receipt(), duplicate: false });
  });

  it('keeps duplicate true on an idempotent replay', () => {
    assert.deepEqual(parse(escalationReceiptSchema, { ...receipt(), duplicate: true }), { ...receipt(), duplicate: true });
  });

  it('tolerates and drops fields a newer server adds', () => {
    assert.deepEqual(parse(escalationReceiptSchema, { ...receipt(), slaHours: 4 }), { ...receipt(), duplicate: false });
  });

  it('rejects anything but an object', () => {
    for (const value of [null, 'received', [receipt()]]) assert.deepEqual(issuesOf(escalationReceiptSchema, value), [[]]);
  });

  const cases: Case[] = [
    ...['id', 'taskId', 'status', 'team', 'respondBy'].map((key) => ({
      name: `rejects a receipt without ${key}`,
      at: [key],
      value: OMIT,
      rejects: [key],
    })),
    { name: 'rejects an id that is not a UUID', at: ['id'], value: 'R-1', rejects: ['id'] },
    ...bounds(['taskId'], limits.taskId),
    { name: 'rejects an empty taskId', at: ['taskId'], value: '', rejects: ['taskId'] },
    ...['queued', 'Received', 'delivered', ''].map((value) => ({
      name: `rejects status ${JSON.stringify(value)}`,
      at: ['status'],
      value,
      rejects: ['status'],
    })),
    { name: 'rejects a boolean status', at: ['status'], value: true, rejects: ['status'] },
    ...bounds(['team'], limits.team),
    { name: 'rejects an empty team', at: ['team'], value: '', rejects: ['team'] },
    { name: 'accepts respondBy with an offset', at: ['respondBy'], value: '2025-03-04T17:00:00+02:00' },
    ...[
      ['without an offset', '2025-03-04T17:00:00'],
      ['date only', '2025-03-04'],
      ['as prose', 'same day'],
      ['as epoch milliseconds', 1741107600000],
    ].map(([what, value]) => ({ name: `rejects respondBy ${String(what)}`, at: ['respondBy'], value, rejects: ['respondBy'] })),
    { name: 'rejects a string duplicate', at: ['duplicate'], value: 'yes', rejects: ['duplicate'] },
    { name: 'rejects null duplicate', at: ['duplicate'], value: null, rejects: ['duplicate'] },
  ];
  runCases(escalationReceiptSchema, receipt, cases);
});

describe('errorBodySchema', () => {
  const full = () => ({
    error: 'invalid_request',
    message: 'Invalid escalation.',
    issues: [
      { path: ['notes'], message: 'Notes must be at most 5000 characters' },
      { path: ['context', 'attempt'], message: 'x' },
      { path: ['issues', 0, 'path'], message: 'numeric segments' },
      { path: [], message: 'root' },
    ],
  });

  it('accepts a full 400 body unchanged', () => {
    assert.deepEqual(parse(errorBodySchema, full()), full());
  });

  it('accepts a bare error code (401/403/409/413/429/5xx bodies)', () => {
    assert.deepEqual(parse(errorBodySchema, { error: 'rate_limited' }), { error: 'rate_limited' });
  });

  it('rejects anything but an object', () => {
    for (const value of [null, 'Internal Server Error', []]) assert.deepEqual(issuesOf(errorBodySchema, value), [[]]);
  });

  const cases: Case[] = [
    { name: 'rejects a body without error', at: ['error'], value: OMIT, rejects: ['error'] },
    { name: 'rejects a numeric error', at: ['error'], value: 400, rejects: ['error'] },
    { name: 'rejects a non-string message', at: ['message'], value: { text: 'x' }, rejects: ['message'] },
    { name: 'accepts a body without issues', at: ['issues'], value: OMIT },
    { name: 'rejects issues that are not an array', at: ['issues'], value: { notes: 'bad' }, rejects: ['issues'] },
    { name: 'rejects an issue without message', at: ['issues', 0, 'message'], value: OMIT, rejects: ['issues', 0, 'message'] },
    { name: 'rejects an issue without path', at: ['issues', 1, 'path'], value: OMIT, rejects: ['issues', 1, 'path'] },
    { name: 'rejects a string path', at: ['issues', 0, 'path'], value: 'notes', rejects: ['issues', 0, 'path'] },
    { name: 'rejects a boolean path segment', at: ['issues', 1, 'path', 1], value: true, rejects: ['issues', 1, 'path', 1] },
    { name: 'rejects a null path segment', at: ['issues', 0, 'path', 0], value: null, rejects: ['issues', 0, 'path', 0] },
  ];
  runCases(errorBodySchema, full, cases);
});
