// Defaults: the workspace's generation defaults that the wizard starts from, and the run tools'
// settings (SQL database, search API, private network); admins change them.
import type { GlobalSettings } from '@agent-generator/client';
import { catalog } from '@agent-generator/core';
import { Button, SelectField } from '@agent-generator/ui';
import { useState } from 'react';
import { messageOf, useToast } from '../../app/toasts';
import { useMe } from '../auth/use-auth';
import { RunToolsCard } from './run-tools-card';
import { useSaveToolsSettings, useToolsSettings } from './run-tools-queries';
import { useSaveGlobalSettings, useSettings } from './use-settings';

type Defaults = GlobalSettings['defaults'];
const FIELDS = [
  { key: 'framework', label: 'Framework', options: catalog.frameworks.map((entry) => ({ id: entry.id, label: entry.name })) },
  { key: 'pattern', label: 'Pattern', options: catalog.patterns },
  { key: 'hyperscaler', label: 'Cloud', options: catalog.hyperscalers },
  { key: 'provider', label: 'Model provider', options: catalog.providers },
] as const;

function RunToolsSection({ admin }: { readonly admin: boolean }) {
  const tools = useToolsSettings(admin);
  const save = useSaveToolsSettings();
  const toast = useToast();
  return (
    <RunToolsCard
      canEdit={admin}
      settings={tools.data}
      loadError={tools.error ? messageOf(tools.error) : undefined}
      onSave={(change) => save.mutateAsync(change).then(() => toast.show('success', 'Run tools saved.'))}
    />
  );
}

export function DefaultsTab() {
  const settings = useSettings();
  const me = useMe();
  const save = useSaveGlobalSettings();
  const toast = useToast();
  const [draft, setDraft] = useState<Defaults | undefined>(undefined);
  if (!settings.data) return <p className="ag-muted">Loading settings…</p>;
  const global = settings.data.global.value;
  const current = draft ?? global.defaults;
  const admin = me.data?.user.role === 'admin';
  const set = (key: (typeof FIELDS)[number]['key'], value: string) => {
    const rest = Object.fromEntries(Object.entries(current).filter(([name]) => name !== key)) as Defaults;
    setDraft(value ? { ...rest, [key]: value } : rest);
  };
  return (
    <div className="ag-stack" style={{ maxWidth: 560 }}>
      <div className="ag-stack" style={{ maxWidth: 420 }}>
        <p className="ag-muted">The wizard plans new projects with these choices unless the idea or you choose otherwise.{admin ? '' : ' Only admins can change them.'}</p>
        {FIELDS.map((field) => (
          <SelectField key={field.key} label={field.label} value={current[field.key] ?? ''} disabled={!admin} onChange={(event) => set(field.key, event.target.value)}>
            <option value="">Let the planner choose</option>
            {field.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </SelectField>
        ))}
        {admin && (
          <div>
            <Button
              variant="primary"
              disabled={!draft || save.isPending}
              onClick={() =>
                save.mutate(
                  { ...global, defaults: current },
                  {
                    onSuccess: () => {
                      setDraft(undefined);
                      toast.show('success', 'Defaults saved.');
                    },
                    onError: (error) => toast.show('error', messageOf(error)),
                  },
                )
              }
            >
              Save defaults
            </Button>
          </div>
        )}
      </div>
      <RunToolsSection admin={admin} />
    </div>
  );
}
