// Plug-in templates: the renderers this build ships, one per framework; adding templates from a URL is not possible yet.
import { catalog } from '@agent-generator/core';
import { Badge } from '@agent-generator/ui';

export function TemplatesTab() {
  return (
    <div className="ag-stack">
      <p role="note" className="ag-muted">
        These renderers are built into this server, one per framework. Installing a template from a URL is not supported yet; the renderer version of each project is shown on its Versions
        tab.
      </p>
      <table className="ag-table ag-table--wide">
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Vendor</th>
            <th scope="col">Maturity</th>
            <th scope="col">Language</th>
            <th scope="col">Patterns</th>
          </tr>
        </thead>
        <tbody>
          {catalog.frameworks.map((framework) => (
            <tr key={framework.id}>
              <td>{framework.name}</td>
              <td>{framework.vendor}</td>
              <td>
                <Badge tone={framework.maturity === 'core' ? 'ok' : framework.maturity === 'archived' ? 'err' : 'warn'}>{framework.maturity}</Badge>
              </td>
              <td>{framework.language}</td>
              <td>
                {Object.entries(framework.patterns)
                  .filter(([, support]) => support !== 'unsupported')
                  .map(([pattern]) => pattern)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
