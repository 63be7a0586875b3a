// ⌘. / Ctrl+. on the Test page: stop the answer that is streaming.
import { chatActions } from '../features/chat/chat-actions';
import type { Command } from './command';

export const stopRun: Command = {
  id: 'test.stop',
  label: 'Stop the running answer',
  group: 'Test',
  shortcut: 'mod+.',
  isEnabled: (context) => context.path === '/test',
  perform: () => chatActions.stop(),
};
