// Plug-in templates: the renderers installed on this server (GET /api/renderers), one per framework;
// adding templates from a URL is not possible yet, and the tab says so.
import { Badge } from '@agent-generator/ui';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { messageOf } from '../../app/toasts';

export function TemplatesTab() {
  const renderers = useQuery({ queryKey: ['renderers'], queryFn: () => api.renderers(), staleTime: Infinity });
  return (
    <div className="ag-stack">
      <p role="note" className="ag-muted">
        These renderers are installed on this server, one per framework. Installing a template from a URL is not supported yet; each project's Versions tab shows the renderer version
        that generated it.
      </p>
      {renderers.error && <p role="alert" className="ag-field__error">{messageOf(renderers.error)}</p>}
      {!renderers.data && !renderers.error && <p className="ag-muted">Loading the installed renderers…</p>}
      {renderers.data && (
        <table className="ag-table ag-table--wide">
          <caption className="ag-visually-hidden">Installed renderers</caption>
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Renderer version</th>
              <th scope="col">Vendor</th>
              <th scope="col">Maturity</th>
              <th scope="col">Language</th>
              <th scope="col">Patterns</th>
            </tr>
          </thead>
          <tbody>
            {renderers.data.items.map((renderer) => (
              <tr key={renderer.framework}>
                <td>{renderer.name}</td>
                <td>
                  <code>{renderer.version}</code>
                </td>
                <td>{renderer.vendor}</td>
                <td>
                  <Badge tone={renderer.maturity === 'core' ? 'ok' : renderer.maturity === 'archived' ? 'err' : 'warn'}>{renderer.maturity}</Badge>
                </td>
                <td>{renderer.language}</td>
                <td>{renderer.patterns.map((pattern) => (pattern.support === 'adapter' ? `${pattern.id} (adapter)` : pattern.id)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
