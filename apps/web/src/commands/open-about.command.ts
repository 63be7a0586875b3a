// Open the About dialog: version, system facts and components.
import type { Command } from './command';

export const openAbout: Command = {
  id: 'help.about',
  label: 'About Agent Generator',
  group: 'Help',
  isEnabled: () => true,
  perform: (context) => context.openAbout(),
};
