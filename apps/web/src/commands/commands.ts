// The one list of commands; the ⌘K palette, the shortcuts and Settings → Shortcuts read it.
import type { Command } from './command';
import { goHistory } from './go-history.command';
import { goProjects } from './go-projects.command';
import { goRuns } from './go-runs.command';
import { goSettings } from './go-settings.command';
import { goTest } from './go-test.command';
import { newProject } from './new-project.command';
import { openAbout } from './open-about.command';
import { openPalette } from './open-palette.command';
import { pickAgent } from './pick-agent.command';
import { sendMessage } from './send-message.command';
import { stopRun } from './stop-run.command';
import { signOut } from './sign-out.command';
import { toggleTheme } from './toggle-theme.command';

export const commands: ReadonlyArray<Command> = [openPalette, newProject, goProjects, goTest, goRuns, goHistory, goSettings, pickAgent, sendMessage, stopRun, toggleTheme, openAbout, signOut];

/** A command's key combination: the user's override from their settings, else its default. */
export function shortcutOf(command: Command, overrides: Readonly<Record<string, string>>): string | undefined {
  return overrides[command.id] ?? command.shortcut;
}
