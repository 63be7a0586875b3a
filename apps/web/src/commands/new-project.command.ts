// Start the wizard for a new project.
import type { Command } from './command';

export const newProject: Command = {
  id: 'project.new',
  label: 'New project',
  group: 'Create',
  shortcut: 'alt+n',
  isEnabled: () => true,
  perform: (context) => context.navigate('/new'),
};
