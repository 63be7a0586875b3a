// End this session.
import type { Command } from './command';

export const signOut: Command = {
  id: 'account.sign-out',
  label: 'Sign out',
  group: 'Account',
  isEnabled: () => true,
  perform: (context) => context.signOut(),
};
