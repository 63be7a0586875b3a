// General: your appearance and locale, saved to your own settings on the server.
import type { UserSettings } from '@agent-generator/client';
import { SelectField } from '@agent-generator/ui';
import { applyTheme } from '../../app/theme';
import { messageOf, useToast } from '../../app/toasts';
import { useSaveOwnSettings, useSettings } from './use-settings';

export function GeneralTab() {
  const settings = useSettings();
  const save = useSaveOwnSettings();
  const toast = useToast();
  if (!settings.data) return <p className="ag-muted">Loading settings…</p>;
  const value = settings.data.user.value;
  const update = (patch: Partial<UserSettings>) => {
    if (patch.theme) applyTheme(patch.theme);
    save.mutate({ ...value, ...patch }, { onSuccess: () => toast.show('success', 'Saved.'), onError: (error) => toast.show('error', messageOf(error)) });
  };
  return (
    <div className="ag-stack" style={{ maxWidth: 420 }}>
      <h2>Appearance</h2>
      <SelectField label="Theme" value={value.theme} onChange={(event) => update({ theme: event.target.value as UserSettings['theme'] })}>
        <option value="system">Follow the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </SelectField>
      <SelectField label="Density" value={value.density} onChange={(event) => update({ density: event.target.value as UserSettings['density'] })}>
        <option value="comfortable">Comfortable</option>
        <option value="compact">Compact</option>
      </SelectField>
      <h2>Locale</h2>
      <SelectField label="Language" value={value.locale} hint="The interface is in English; the locale sets date and number formats." onChange={(event) => update({ locale: event.target.value })}>
        <option value="en">English</option>
        <option value="en-GB">English (UK)</option>
        <option value="de">Deutsch (formats only)</option>
        <option value="fr">Français (formats only)</option>
      </SelectField>
    </div>
  );
}
