// General: your appearance (theme, density) and locale (number and date formats), saved to your own
// settings on the server and applied at once.
import type { UserSettings } from '@agent-generator/client';
import { SelectField } from '@agent-generator/ui';
import { applyDensity } from '../../app/density';
import { createFormatter } from '../../app/format';
import { applyTheme } from '../../app/theme';
import { messageOf, useToast } from '../../app/toasts';
import { useSaveOwnSettings, useSettings } from './use-settings';

const EXAMPLE_DATE = '2025-03-04T17:30:00.000Z';
const LOCALES = [
  { tag: 'en', label: 'English (US)' },
  { tag: 'en-GB', label: 'English (UK)' },
  { tag: 'de', label: 'Deutsch' },
  { tag: 'fr', label: 'Français' },
] as const;

export function GeneralTab() {
  const settings = useSettings();
  const save = useSaveOwnSettings();
  const toast = useToast();
  if (!settings.data) return <p className="ag-muted">Loading settings…</p>;
  const value = settings.data.user.value;
  const example = createFormatter(value.locale);
  const update = (patch: Partial<UserSettings>) => {
    if (patch.theme) applyTheme(patch.theme);
    if (patch.density) applyDensity(patch.density);
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
      <SelectField label="Formats" value={value.locale} hint="Sets how numbers, sizes and dates are written." onChange={(event) => update({ locale: event.target.value })}>
        {LOCALES.map((locale) => (
          <option key={locale.tag} value={locale.tag}>
            {locale.label}
          </option>
        ))}
        {!LOCALES.some((locale) => locale.tag === value.locale) && <option value={value.locale}>{value.locale}</option>}
      </SelectField>
      <p className="ag-muted" data-testid="locale-example">
        Example: {example.number(1234567.5)} · {example.bytes(2_500_000)} · {example.dateTime(EXAMPLE_DATE)}
      </p>
      <p role="note" className="ag-muted">
        The interface text is in English only: translations are not done yet. The locale changes formats, not words.
      </p>
    </div>
  );
}
