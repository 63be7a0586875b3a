// Go to the Test (Chat) page.
import type { Command } from './command';

export const goTest: Command = {
  id: 'go.test',
  label: 'Go to Test (chat with an agent)',
  group: 'Navigate',
  shortcut: 'alt+c',
  isEnabled: (context) => context.path !== '/test',
  perform: (context) => context.navigate('/test'),
};
