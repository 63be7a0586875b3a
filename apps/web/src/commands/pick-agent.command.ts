// ⌘P / Ctrl+P: pick the agent to test; opens the Test page with the picker.
import { agentPicker } from '../features/chat/agent-picker-store';
import type { Command } from './command';

export const pickAgent: Command = {
  id: 'test.pick-agent',
  label: 'Pick an agent to test',
  group: 'Test',
  shortcut: 'mod+p',
  isEnabled: () => true,
  perform: (context) => {
    if (context.path !== '/test') context.navigate('/test');
    agentPicker.open();
  },
};
