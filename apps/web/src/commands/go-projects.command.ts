// Go to the project list.
import type { Command } from './command';

export const goProjects: Command = {
  id: 'go.projects',
  label: 'Go to projects',
  group: 'Navigate',
  shortcut: 'alt+p',
  isEnabled: (context) => context.path !== '/projects',
  perform: (context) => context.navigate('/projects'),
};
