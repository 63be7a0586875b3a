// Open Settings.
import type { Command } from './command';

export const goSettings: Command = {
  id: 'go.settings',
  label: 'Open settings',
  group: 'Navigate',
  shortcut: 'alt+s',
  isEnabled: (context) => !context.path.startsWith('/settings'),
  perform: (context) => context.navigate('/settings'),
};
