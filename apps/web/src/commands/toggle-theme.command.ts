// Switch between the light and dark theme (saved to your settings).
import type { Command } from './command';

export const toggleTheme: Command = {
  id: 'theme.toggle',
  label: 'Toggle dark theme',
  group: 'Appearance',
  shortcut: 'alt+t',
  isEnabled: () => true,
  perform: (context) => {
    const dark = context.theme === 'dark' || (context.theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    context.setTheme(dark ? 'light' : 'dark');
  },
};
