// Providers: the model providers grouped Cloud LLM / Enterprise / Local, each with its server-side
// settings; admins change and test them, editors see them, local servers found at start-up are marked.
import type { ProviderSettingsView } from '@agent-generator/client';
import { messageOf, useToast } from '../../app/toasts';
import { useMe } from '../auth/use-auth';
import { ProvidersCard } from './providers-card';
import { testProvider, useProviderModels, useProviders, useSaveProvider } from './providers-queries';

const GROUPS = [
  { id: 'cloud', label: 'Cloud LLM' },
  { id: 'enterprise', label: 'Enterprise' },
  { id: 'local', label: 'Local' },
] as const;

function ProviderEntry({ provider, canEdit }: { readonly provider: ProviderSettingsView; readonly canEdit: boolean }) {
  const models = useProviderModels(provider);
  const save = useSaveProvider();
  const toast = useToast();
  return (
    <ProvidersCard
      provider={provider}
      canEdit={canEdit}
      models={models.error ? { error: messageOf(models.error) } : models.data}
      onTest={(change) => testProvider(provider.id, change)}
      onSave={(change) =>
        save.mutateAsync({ id: provider.id, change }).then(
          () => toast.show('success', `${provider.label} saved.`),
          (error: unknown) => {
            toast.show('error', messageOf(error));
            throw error;
          },
        )
      }
    />
  );
}

export function ProvidersTab() {
  const me = useMe();
  const role = me.data?.user.role;
  const providers = useProviders(role === 'admin' || role === 'editor');
  if (role === 'viewer') return <p className="ag-muted">Provider settings are visible to editors and admins.</p>;
  if (providers.error) return <p role="alert">{messageOf(providers.error)}</p>;
  if (!providers.data) return <p className="ag-muted">Loading providers…</p>;
  const canEdit = role === 'admin';
  return (
    <div className="ag-stack">
      <p className="ag-muted">
        Test (Chat) and runs use the first enabled provider with a default model. Keys are stored encrypted on the server and never shown again.{canEdit ? '' : ' Only admins can change these settings.'}
      </p>
      {GROUPS.map((group) => (
        <section key={group.id} className="ag-stack" aria-labelledby={`providers-${group.id}`}>
          <h2 id={`providers-${group.id}`}>{group.label}</h2>
          {providers.data.items
            .filter((provider) => provider.group === group.id)
            .map((provider) => (
              <ProviderEntry key={`${provider.id}-${provider.updatedAt ?? 'new'}`} provider={provider} canEdit={canEdit} />
            ))}
        </section>
      ))}
    </div>
  );
}
