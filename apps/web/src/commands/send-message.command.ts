// ⌘↵ / Ctrl+Enter on the Test page: send the message in the composer.
import { chatActions } from '../features/chat/chat-actions';
import type { Command } from './command';

export const sendMessage: Command = {
  id: 'test.send',
  label: 'Send the message',
  group: 'Test',
  shortcut: 'mod+enter',
  isEnabled: (context) => context.path === '/test',
  perform: () => chatActions.send(),
};
