// Settings in seven tabs (General, Account, Providers, Plug-in templates, Defaults, Shortcuts, Data controls).
import { Tabs } from '@agent-generator/ui';
import { useNavigate, useParams } from '../../app/router';
import { AccountTab } from './account-tab';
import { DataTab } from './data-tab';
import { DefaultsTab } from './defaults-tab';
import { GeneralTab } from './general-tab';
import { ProvidersTab } from './providers-tab';
import { ShortcutsTab } from './shortcuts-tab';
import { TemplatesTab } from './templates-tab';

const TABS = [
  { id: 'general', label: 'General' },
  { id: 'account', label: 'Account' },
  { id: 'providers', label: 'Providers' },
  { id: 'templates', label: 'Plug-in templates' },
  { id: 'defaults', label: 'Defaults' },
  { id: 'shortcuts', label: 'Shortcuts' },
  { id: 'data', label: 'Data controls' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const isTab = (value: string | undefined): value is TabId => TABS.some((tab) => tab.id === value);

export default function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const selected: TabId = isTab(tab) ? tab : 'general';
  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <h1>Settings</h1>
      </div>
      <Tabs label="Settings sections" items={TABS} selected={selected} onSelect={(id) => void navigate(`/settings/${id}`)}>
        {selected === 'general' && <GeneralTab />}
        {selected === 'account' && <AccountTab />}
        {selected === 'providers' && <ProvidersTab />}
        {selected === 'templates' && <TemplatesTab />}
        {selected === 'defaults' && <DefaultsTab />}
        {selected === 'shortcuts' && <ShortcutsTab />}
        {selected === 'data' && <DataTab />}
      </Tabs>
    </div>
  );
}
