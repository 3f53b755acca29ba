/** `GET /api/meta`: category labels and team names, so the inbox shows what this server was configured with. */
import { json } from '../http/responses.ts';
import type { Meta } from '../types.ts';
import type { Routes } from './route.ts';

export const metaRoutes =
  (meta: Meta): Routes =>
  (path) =>
    path === '/api/meta' ? { api: true, methods: { GET: () => json(200, meta) } } : undefined;
