// One statement through PostgreSQL's extended query protocol, reading at most maxRows + 1 rows of its result.
// Parse takes exactly one statement (PostgreSQL refuses "SELECT 1; DROP TABLE x" there), and Execute with a
// row limit leaves the rest of any result on the server, so a huge result never reaches our memory.
import type { Connection, Submittable } from 'pg';
import type { Cell, CellParser } from './sql-postgres-cells';

export type StatementOutcome =
  | { readonly kind: 'rows'; readonly columns: string[]; readonly rows: Cell[][]; readonly more: boolean }
  | { readonly kind: 'command'; readonly rowCount: number }
  | { readonly kind: 'failed'; readonly error: Error };

/** A problem with the statement or its result that PostgreSQL did not report itself. */
export class StatementProblem extends Error {
  override readonly name = 'StatementProblem';
}

interface FieldDescription {
  readonly name: string;
  readonly dataTypeID: number;
}

export interface BoundedStatementOptions {
  readonly text: string;
  readonly maxRows: number;
  readonly parseCell: CellParser;
}

/** A pg Submittable: `client.query(statement)` sends it, `statement.outcome` settles once the server is done. */
export class BoundedStatement implements Submittable {
  readonly outcome: Promise<StatementOutcome>;
  private settle: (outcome: StatementOutcome) => void = () => undefined;
  private fields: FieldDescription[] | undefined;
  private readonly rows: Cell[][] = [];
  private more = false;
  private rowCount = 0;
  private failure: Error | undefined;

  constructor(private readonly options: BoundedStatementOptions) {
    this.outcome = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  submit(connection: Connection): void {
    connection.parse({ name: '', text: this.options.text, types: [] }, true);
    connection.bind({ portal: '', statement: '', values: [] }, true);
    connection.describe({ type: 'P', name: '' }, true);
    // pg's typings want the row limit as text; the protocol writer turns it into the 32-bit count.
    connection.execute({ portal: '', rows: String(this.options.maxRows + 1) }, true);
    connection.sync();
  }

  // The handlers below are the messages pg's Client hands to the query it is running.
  handleRowDescription(message: { readonly fields: FieldDescription[] }): void {
    this.fields = message.fields;
  }

  handleDataRow(message: { readonly fields: Array<string | null> }): void {
    const fields = this.fields ?? [];
    if (this.failure !== undefined) return;
    if (this.rows.length === this.options.maxRows) {
      this.more = true;
      return;
    }
    try {
      this.rows.push(message.fields.map((text, index) => (text === null ? null : this.options.parseCell(fields[index]?.dataTypeID ?? 0, text))));
    } catch (error) {
      this.failure = new StatementProblem(`a value could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  handlePortalSuspended(): void {
    this.more = true;
  }

  handleCommandComplete(message: { readonly text?: string }): void {
    this.rowCount = Number(/(\d+)$/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleEmptyQuery(): void {
    this.failure = new StatementProblem('the statement is empty');
  }

  handleCopyInResponse(connection: { sendCopyFail(message: string): void; sync(): void }): void {
    this.failure = new StatementProblem('COPY … FROM STDIN needs data that sql_query cannot send: use INSERT instead');
    connection.sendCopyFail('sql_query sends no COPY data');
    // The server ignored our first Sync while it waited for data: without a second one it never answers again.
    connection.sync();
  }

  handleCopyData(): void {
    this.failure ??= new StatementProblem('COPY … TO STDOUT is not supported: use SELECT to read rows');
  }

  handleError(error: Error): void {
    // After our CopyFail PostgreSQL answers "query canceled", which is not what happened.
    this.settle({ kind: 'failed', error: this.failure ?? error });
  }

  handleReadyForQuery(): void {
    if (this.failure !== undefined) this.settle({ kind: 'failed', error: this.failure });
    else if (this.fields === undefined) this.settle({ kind: 'command', rowCount: this.rowCount });
    else this.settle({ kind: 'rows', columns: this.fields.map((field) => field.name), rows: this.rows, more: this.more });
  }
}
