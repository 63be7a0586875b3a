import { describe, expect, it } from 'vitest';
import { noSignal } from './local-http.test-support';
import { APPLICATION_NAME } from './sql-postgres-runner';
import { remainingBackends, startFreezingProxy, usePostgres } from './sql-postgres.test-support';
import { createSqlQueryTool } from './sql-query';

const postgres = usePostgres();

const tool = (options: { readonly timeoutMs?: number; readonly url?: string } = {}) =>
  createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url: options.url ?? postgres().url, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) } });

/** Waits until sql_query's backend is seen running the query: proves application_name and that there is something to stop. */
async function seenRunning(query: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await postgres().admin.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query = $2", [APPLICATION_NAME, query]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`sql_query's backend was never seen running ${query}`);
}

describe('sql_query on PostgreSQL: stopping', () => {
  it('stops a query at the time limit through statement_timeout and leaves no backend behind', async () => {
    const started = performance.now();
    const outcome = await tool({ timeoutMs: 500 }).execute({ query: 'SELECT pg_sleep(30)' }, noSignal());
    expect(outcome).toEqual({ content: 'error: the query ran longer than 0.5 s and was stopped', isError: true });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await remainingBackends(postgres().admin)).toEqual([]);
  });

  it('cancels the running statement on PostgreSQL when the run is cancelled', async () => {
    const controller = new AbortController();
    // An application_name in the URL must not hide sql_query's backend.
    const running = tool({ url: `${postgres().url}?application_name=other` }).execute({ query: 'SELECT pg_sleep(30)' }, { signal: controller.signal });
    await seenRunning('SELECT pg_sleep(30)');
    const cancelledAt = performance.now();
    controller.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow('cancelled');
    const stoppedWithin = performance.now() - cancelledAt;
    // Closing our socket alone would leave pg_sleep running on the server for 30 s.
    expect(await remainingBackends(postgres().admin)).toEqual([]);
    expect(stoppedWithin).toBeLessThan(10_000);
  });

  it('gives up on a server that stops answering (the client-side backstop) and leaves no backend behind', async () => {
    // The proxy drops everything the server sends after the statement, "canceling statement due to statement timeout" too.
    const proxy = await startFreezingProxy({ upstreamPort: postgres().cluster.port, trigger: 'pg_sleep(30)' });
    try {
      const url = postgres().url.replace(`:${postgres().cluster.port}/`, `:${proxy.port}/`);
      const started = performance.now();
      expect(await tool({ url, timeoutMs: 500 }).execute({ query: 'SELECT pg_sleep(30)' }, noSignal())).toEqual({ content: 'error: the query ran longer than 0.5 s and was stopped', isError: true });
      // connect limit (0.5 s) + time limit (0.5 s) + grace (1 s): the backstop, not the server, answered.
      expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(await remainingBackends(postgres().admin)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('does not start when the run is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled before'));
    await expect(tool().execute({ query: 'SELECT 1' }, { signal: controller.signal })).rejects.toThrow('cancelled before');
  });
});
