// Providers: the model providers from the catalog, grouped Cloud LLM / Enterprise / Local, with the variables they read.
import { catalog } from '@agent-generator/core';

const GROUPS = [
  { id: 'cloud', label: 'Cloud LLM' },
  { id: 'enterprise', label: 'Enterprise' },
  { id: 'local', label: 'Local' },
] as const;

export function ProvidersTab() {
  return (
    <div className="ag-stack">
      <p role="note" className="ag-muted">
        Generated projects read their provider credentials from environment variables (listed below, written to each project's .env.example). This server does not store provider credentials
        yet, so there is nothing to connect here.
      </p>
      {GROUPS.map((group) => (
        <section key={group.id} className="ag-stack" aria-labelledby={`providers-${group.id}`}>
          <h2 id={`providers-${group.id}`}>{group.label}</h2>
          <table className="ag-table ag-table--wide">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Environment variables</th>
                <th scope="col">Models in the catalog</th>
              </tr>
            </thead>
            <tbody>
              {catalog.providers
                .filter((provider) => provider.group === group.id)
                .map((provider) => (
                  <tr key={provider.id}>
                    <td>
                      <a href={provider.docsUrl} rel="noreferrer" target="_blank">
                        {provider.label}
                      </a>
                    </td>
                    <td>
                      {provider.env.map((variable) => (
                        <div key={variable.name}>
                          <code>{variable.name}</code>
                          {variable.secret ? ' (secret)' : ''}
                        </div>
                      ))}
                    </td>
                    <td>{catalog.models.filter((model) => model.provider === provider.id).length}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
