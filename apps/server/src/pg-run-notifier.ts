// The run notifier over Postgres LISTEN/NOTIFY (ADR 0007): one dedicated connection listens, notices
// go out through short-lived pool connections. Payloads name a run, never carry its data.
import { decodeNotice, encodeNotice, RUN_NOTIFY_CHANNEL, type RunNotice, type RunNotifier } from '@agent-generator/api';
import pg from 'pg';

export async function createPgRunNotifier(connectionString: string): Promise<RunNotifier> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  let listener: pg.Client | undefined;
  return {
    async notify(notice: RunNotice) {
      await pool.query('select pg_notify($1, $2)', [RUN_NOTIFY_CHANNEL, encodeNotice(notice)]);
    },
    async listen(handler) {
      listener = new pg.Client({ connectionString });
      listener.on('notification', (message) => {
        const notice = message.channel === RUN_NOTIFY_CHANNEL && message.payload !== undefined ? decodeNotice(message.payload) : undefined;
        if (notice) handler(notice);
      });
      // A dropped listener only delays events until the subscribers' next poll.
      listener.on('error', () => undefined);
      await listener.connect();
      await listener.query(`listen ${RUN_NOTIFY_CHANNEL}`);
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
