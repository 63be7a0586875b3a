// Runs the command whose key combination was pressed; the same list the palette shows.
import { useEffect } from 'react';
import type { CommandContext } from '../commands/command';
import { commands, shortcutOf } from '../commands/commands';
import { matchesShortcut } from '../commands/match-shortcut';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function useShortcuts(context: CommandContext, overrides: Readonly<Record<string, string>>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commands.find((candidate) => {
        const combination = shortcutOf(candidate, overrides);
        return combination !== undefined && matchesShortcut(event, combination, isMac);
      });
      if (command && command.isEnabled(context)) {
        event.preventDefault();
        command.perform(context);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context, overrides]);
}
