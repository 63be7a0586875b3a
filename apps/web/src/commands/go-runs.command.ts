// Go to the Run console.
import type { Command } from './command';

export const goRuns: Command = {
  id: 'go.runs',
  label: 'Go to runs',
  group: 'Navigate',
  shortcut: 'alt+r',
  isEnabled: (context) => context.path !== '/runs',
  perform: (context) => context.navigate('/runs'),
};
