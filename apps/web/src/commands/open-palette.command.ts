// ⌘K / Ctrl+K: open the command palette.
import type { Command } from './command';

export const openPalette: Command = {
  id: 'palette.open',
  label: 'Open command palette',
  group: 'Help',
  shortcut: 'mod+k',
  isEnabled: () => true,
  perform: (context) => context.openPalette(),
};
