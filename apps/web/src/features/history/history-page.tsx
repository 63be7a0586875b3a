// Activity from the audit log (admins): who did what and when, newest first, paged by the server.
import { Button, EmptyState } from '@agent-generator/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';

const PAGE = 50;

export default function HistoryPage() {
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const audit = useQuery({ queryKey: ['audit', offset], queryFn: () => api.audit({ limit: PAGE, offset }), placeholderData: keepPreviousData });
  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <h1>History</h1>
        {audit.data && <span className="ag-muted">{format.number(audit.data.total)} events</span>}
      </div>
      {audit.error && <p role="alert" className="ag-field__error">{messageOf(audit.error)}</p>}
      {audit.data && audit.data.items.length === 0 && <EmptyState title="No activity yet">Sign-ins, generated projects and settings changes appear here.</EmptyState>}
      {audit.data && audit.data.items.length > 0 && (
        <table className="ag-table ag-table--wide">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                </td>
                <td>{entry.actorLabel ?? 'anonymous'}</td>
                <td>{entry.action}</td>
                <td>{entry.targetType ? `${entry.targetType} ${typeof entry.details.name === 'string' ? entry.details.name : (entry.targetId ?? '')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.data && audit.data.total > PAGE && (
        <div className="ag-row">
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </Button>
          <span className="ag-muted">
            {format.number(offset + 1)}–{format.number(Math.min(offset + PAGE, audit.data.total))} of {format.number(audit.data.total)}
          </span>
          <Button disabled={offset + PAGE >= audit.data.total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </Button>
        </div>
      )}
    </div>
  );
}
