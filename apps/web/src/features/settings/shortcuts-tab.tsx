// Shortcuts: generated from the one command list, with your own overrides from your settings.
import { Kbd } from '@agent-generator/ui';
import { isMac } from '../../app/use-shortcuts';
import { commands, shortcutOf } from '../../commands/commands';
import { useSettings } from './use-settings';

export function ShortcutsTab() {
  const overrides = useSettings().data?.user.value.shortcuts ?? {};
  const groups = [...new Set(commands.map((command) => command.group))];
  return (
    <div className="ag-stack">
      {groups.map((group) => (
        <section key={group} aria-labelledby={`shortcuts-${group}`}>
          <h2 id={`shortcuts-${group}`}>{group}</h2>
          <table className="ag-table">
            <tbody>
              {commands
                .filter((command) => command.group === group)
                .map((command) => {
                  const shortcut = shortcutOf(command, overrides);
                  return (
                    <tr key={command.id}>
                      <td>{command.label}</td>
                      <td>{shortcut ? <Kbd combination={shortcut} mac={isMac} /> : <span className="ag-muted">palette only</span>}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
