// The program the sql_query tool runs in a child Node process, so a runaway query can be killed
// (better-sqlite3 is synchronous: in our own process it would freeze the server until it ends).

/** Reads `{ driverPath, databasePath, readonly, query, maxRows }` as JSON on stdin; writes one JSON answer. */
export const SQL_CHILD_SOURCE = String.raw`
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const job = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const answer = run(job);
  process.stdout.write(JSON.stringify(answer, (key, value) => (typeof value === 'bigint' ? value.toString() : value)));
});
function run(job) {
  const Database = require(job.driverPath);
  let database;
  try {
    database = new Database(job.databasePath, { readonly: job.readonly, fileMustExist: true });
    const statement = database.prepare(job.query);
    if (job.readonly && !statement.readonly) return { kind: 'refused' };
    if (!statement.reader) return { kind: 'changes', changes: statement.run().changes };
    const columns = statement.columns().map((column) => column.name);
    const rows = [];
    let more = false;
    for (const row of statement.raw(true).iterate()) {
      if (rows.length === job.maxRows) { more = true; break; }
      rows.push(row.map((cell) => (cell instanceof Uint8Array ? '<' + cell.length + ' bytes>' : cell)));
    }
    return { kind: 'rows', columns, rows, more };
  } catch (error) {
    return { kind: 'error', message: String(error && error.message ? error.message : error) };
  } finally {
    if (database) database.close();
  }
}
`;
