/** `GET /healthz`: liveness, open without a token. */
import { json } from '../http/responses.ts';
import type { Routes } from './route.ts';

export const healthRoutes = (): Routes => (path) =>
  path === '/healthz' ? { api: false, methods: { GET: () => json(200, { ok: true }) } } : undefined;
