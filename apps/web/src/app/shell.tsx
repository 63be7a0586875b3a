// The app shell: navigation rail (bottom tabs on phones), top bar with breadcrumb and user menu,
// the ⌘K palette and shortcuts from the one command list, the About dialog and re-login on expiry.
import type { Me } from '@agent-generator/client';
import { CommandPalette } from '@agent-generator/ui';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { commands, shortcutOf } from '../commands/commands';
import { ReloginDialog } from '../features/auth/relogin-dialog';
import { useSettings } from '../features/settings/use-settings';
import { useCrumbValue } from './crumb';
import { navItems } from './nav-items';
import { NavLink, useLocation } from './router';
import { applyDensity } from './density';
import { applyTheme } from './theme';
import { useCommandContext } from './use-command-context';
import { isMac, useShortcuts } from './use-shortcuts';
import { UserMenu } from './user-menu';

const AboutDialog = lazy(() => import('../features/about/about-dialog'));
const NO_OVERRIDES: Readonly<Record<string, string>> = {};

const SECTION: Record<string, string> = { new: 'New project', projects: 'Projects', test: 'Test', runs: 'Runs', history: 'History', settings: 'Settings' };

export function Shell({ me, children }: { readonly me: Me; readonly children: ReactNode }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const openAbout = useCallback(() => setAboutOpen(true), []);
  const context = useCommandContext({ me, openPalette, openAbout });
  const settings = useSettings();
  const overrides = settings.data?.user.value.shortcuts ?? NO_OVERRIDES;
  useShortcuts(context, overrides);
  useEffect(() => {
    if (!settings.data) return;
    applyTheme(settings.data.user.value.theme);
    applyDensity(settings.data.user.value.density);
  }, [settings.data]);

  const location = useLocation();
  const crumb = useCrumbValue();
  const section = SECTION[location.pathname.split('/')[1] ?? ''] ?? 'Home';
  const items = navItems.filter((item) => !item.adminOnly || me.user.role === 'admin');
  const entries = useMemo(
    () => commands.map((command) => ({ id: command.id, label: command.label, group: command.group, shortcut: shortcutOf(command, overrides), enabled: command.isEnabled(context) })),
    [context, overrides],
  );

  return (
    <div className="ag-shell">
      <a className="ag-skip" href="#main">
        Skip to content
      </a>
      <nav className="ag-rail" aria-label="Main">
        <span className="ag-rail__logo" aria-hidden="true">
          AG
        </span>
        {items.map((item) => (
          <NavLink key={item.to} to={item.to} className="ag-rail__item">
            <span aria-hidden="true" className="ag-rail__icon">
              {item.icon}
            </span>
            <span>{item.label}</span>
          </NavLink>
        ))}
      </nav>
      <header className="ag-topbar">
        <nav aria-label="Breadcrumb" className="ag-breadcrumb">
          <ol>
            <li>{window.location.host}</li>
            <li aria-current={crumb ? undefined : 'page'}>{section}</li>
            {crumb && <li aria-current="page">{crumb}</li>}
          </ol>
        </nav>
        <span className="ag-spacer" />
        <button type="button" className="ag-button ag-button--small ag-palette-button" onClick={openPalette} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
          Commands <kbd className="ag-kbd">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
        </button>
        <UserMenu user={me.user} onNavigate={context.navigate} onAbout={openAbout} onSignOut={context.signOut} />
      </header>
      <main id="main" className="ag-main" tabIndex={-1}>
        {children}
      </main>
      {paletteOpen && <CommandPalette commands={entries} mac={isMac} onClose={() => setPaletteOpen(false)} onRun={(id) => commands.find((command) => command.id === id)?.perform(context)} />}
      {aboutOpen && (
        <Suspense fallback={null}>
          <AboutDialog onClose={() => setAboutOpen(false)} />
        </Suspense>
      )}
      <ReloginDialog />
    </div>
  );
}
