// A user command as data: the palette, the keyboard shortcuts and Settings → Shortcuts all read the same list.
import type { Theme } from '@agent-generator/client';

export interface CommandContext {
  readonly path: string;
  readonly navigate: (to: string) => void;
  readonly openPalette: () => void;
  readonly openAbout: () => void;
  readonly theme: Theme;
  readonly setTheme: (theme: Theme) => void;
  readonly signOut: () => void;
  readonly isAdmin: boolean;
}

export interface Command {
  readonly id: string;
  readonly label: string;
  readonly group: 'Navigate' | 'Create' | 'Test' | 'Appearance' | 'Account' | 'Help';
  /** Default key combination, e.g. `mod+k` or `alt+n`; users may override it in their settings. */
  readonly shortcut?: string;
  readonly isEnabled: (context: CommandContext) => boolean;
  readonly perform: (context: CommandContext) => void;
}
