// Checkpoints a SQLite WAL from a worker thread with its own connection, so copying pages back into
// the database and the fsync that follows never block the server's event loop (they did, for several
// milliseconds every few hundred commits, which every open stream felt). The serving connection
// keeps a high auto-checkpoint as a backstop should the worker stop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages the serving connection lets the WAL grow to before it checkpoints itself (~40 MB). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

// CommonJS, run with `eval`: it must not depend on how the server was bundled.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.filename);
database.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  database.close();
  parentPort.close();
});
`;

export function startWalCheckpointer(options: { readonly filename: string; readonly intervalMs?: number; readonly onError?: (message: string) => void }): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, filename: options.filename, intervalMs: options.intervalMs ?? 1000 } });
  worker.unref();
  worker.on('message', (message: { readonly error?: string }) => {
    if (message.error !== undefined) options.onError?.(message.error);
  });
  worker.on('error', (error) => options.onError?.(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Unreferenced, the thread would let the process exit before it closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
