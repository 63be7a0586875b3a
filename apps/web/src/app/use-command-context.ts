// Builds what commands need (navigation, dialogs, theme, sign-out) from the app's current state.
import type { Me, Theme } from '@agent-generator/client';
import { useMemo } from 'react';
import type { CommandContext } from '../commands/command';
import { useLogout } from '../features/auth/use-auth';
import { useSaveOwnSettings, useSettings } from '../features/settings/use-settings';
import { useLocation, useNavigate } from './router';
import { applyTheme, storedTheme } from './theme';
import { messageOf, useToast } from './toasts';

export function useCommandContext(options: { readonly me: Me; readonly openPalette: () => void; readonly openAbout: () => void }): CommandContext {
  const navigate = useNavigate();
  const location = useLocation();
  const settings = useSettings();
  const saveOwn = useSaveOwnSettings();
  const logout = useLogout();
  const toast = useToast();
  const theme: Theme = settings.data?.user.value.theme ?? storedTheme();
  const { openPalette, openAbout, me } = options;

  return useMemo(
    () => ({
      path: location.pathname,
      navigate: (to: string) => void navigate(to),
      openPalette,
      openAbout,
      theme,
      setTheme: (next: Theme) => {
        applyTheme(next);
        const current = settings.data?.user.value;
        if (current)
          saveOwn.mutate({ ...current, theme: next }, { onError: (error) => toast.show('error', `The theme was not saved: ${messageOf(error)}`) });
      },
      signOut: () => logout.mutate(undefined, { onSuccess: () => void navigate('/') }),
      isAdmin: me.user.role === 'admin',
    }),
    [location.pathname, navigate, openPalette, openAbout, theme, settings.data, saveOwn, logout, me.user.role, toast],
  );
}
