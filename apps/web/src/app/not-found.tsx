// What an unknown address shows: where to go instead.
import { EmptyState } from '@agent-generator/ui';
import { Link } from './router';

export function NotFound() {
  return (
    <EmptyState title="There is no page here" action={<Link className="ag-button ag-button--primary" to="/projects">Go to projects</Link>}>
      The address may be mistyped, or the item was deleted.
    </EmptyState>
  );
}
