/**
 * PostgreSQL for the server section, the way .ci/run gets it: DATABASE_URL when set; otherwise,
 * as root with Debian's `pg_lsclusters`, its first cluster (started on 127.0.0.1 if it is not
 * running, and stopped again afterwards) with the tests' throwaway role `escalate_test`. The
 * bench uses a database of its own, `escalate_bench`, dropped afterwards, so its rows never
 * meet the tests' (which may be running at the same time).
 */
import { execFileSync, spawnSync } from 'node:child_process';

const psql = (port, sql) =>
  spawnSync('su', ['postgres', '-c', `psql -qX -v ON_ERROR_STOP=1 -p ${port} -d postgres`], { cwd: '/', input: sql, encoding: 'utf8' });

const setup = `DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'escalate_test') THEN
    CREATE ROLE escalate_test LOGIN PASSWORD 'escalate_test';
  END IF;
END
$$;
DROP DATABASE IF EXISTS escalate_bench WITH (FORCE);
CREATE DATABASE escalate_bench OWNER escalate_test;
`;

/** Resolves `{ url, stop() }`, or `{ skipped: why }` when there is no PostgreSQL to use. */
export function startPostgres() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {}, how: 'DATABASE_URL' };
  if (process.getuid?.() !== 0) return { skipped: 'DATABASE_URL is unset and the bench is not root (it cannot start Debian’s PostgreSQL)' };
  let clusters;
  try {
    clusters = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' });
  } catch {
    return { skipped: 'DATABASE_URL is unset and there is no pg_lsclusters (Debian’s postgresql is not installed)' };
  }
  const [version, cluster, port, status] = clusters.trim().split('\n')[0]?.split(/\s+/) ?? [];
  if (!version) return { skipped: 'pg_lsclusters lists no cluster' };
  let started = false;
  if (status !== 'online') {
    const r = spawnSync('pg_ctlcluster', [version, cluster, 'start', '--', '-o', '-c listen_addresses=127.0.0.1'], { encoding: 'utf8' });
    if (r.status !== 0) return { skipped: `could not start PostgreSQL ${version}/${cluster}: ${r.stderr.trim()}` };
    started = true;
  }
  const stopCluster = () => started && spawnSync('pg_ctlcluster', [version, cluster, 'stop']);
  const r = psql(port, setup);
  if (r.status !== 0) {
    stopCluster();
    return { skipped: `could not create the bench database: ${r.stderr.trim()}` };
  }
  return {
    url: `postgres://escalate_test:escalate_test@127.0.0.1:${port}/escalate_bench`,
    how: `Debian cluster ${version}/${cluster}${started ? ', started by the bench and stopped after it' : ', already running'}`,
    stop() {
      psql(port, 'DROP DATABASE IF EXISTS escalate_bench WITH (FORCE);');
      stopCluster();
    },
  };
}
