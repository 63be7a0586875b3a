// Go to the activity history (the audit log; admins only, as the server allows).
import type { Command } from './command';

export const goHistory: Command = {
  id: 'go.history',
  label: 'Go to history',
  group: 'Navigate',
  shortcut: 'alt+h',
  isEnabled: (context) => context.isAdmin && context.path !== '/history',
  perform: (context) => context.navigate('/history'),
};
