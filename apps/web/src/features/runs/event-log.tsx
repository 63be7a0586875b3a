// The raw event log of a run, 100 events a page, newest page reachable in one click.
import type { RunEvent } from '@agent-generator/contracts';
import { useState } from 'react';

const PAGE = 100;

function summary(event: RunEvent): string {
  const rest = Object.fromEntries(Object.entries(event).filter(([key]) => !['runId', 'seq', 'at', 'type'].includes(key)));
  const text = JSON.stringify(rest);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

export function EventLog({ events }: { readonly events: ReadonlyArray<RunEvent> }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(events.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = events.slice(current * PAGE, current * PAGE + PAGE);
  return (
    <section aria-labelledby="event-log-title" className="ag-stack">
      <div className="ag-row">
        <h2 id="event-log-title" style={{ margin: 0 }}>
          Event log
        </h2>
        <span className="ag-muted">{events.length} events</span>
        <span className="ag-spacer" />
        {pages > 1 && (
          <>
            <button type="button" className="ag-button ag-button--small" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Earlier
            </button>
            <span className="ag-muted">
              page {current + 1} of {pages}
            </span>
            <button type="button" className="ag-button ag-button--small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Later
            </button>
            <button type="button" className="ag-button ag-button--small" disabled={current >= pages - 1} onClick={() => setPage(pages - 1)}>
              Latest
            </button>
          </>
        )}
      </div>
      <table className="ag-table ag-table--wide ag-event-log">
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Type</th>
            <th scope="col">Data</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((event) => (
            <tr key={event.seq}>
              <td>{event.seq}</td>
              <td>{event.at.slice(11, 23)}</td>
              <td>
                <code>{event.type}</code>
              </td>
              <td>
                <code className="ag-event-log__data">{summary(event)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
