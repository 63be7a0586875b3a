// Tests of shortcut matching: mod is ⌘ on a Mac and Ctrl elsewhere; Alt combinations match the physical key.
import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { matchesShortcut, type KeyPress } from './match-shortcut';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('matchesShortcut', () => {
  it('reads mod as Meta on a Mac and Control elsewhere', () => {
    expect(matchesShortcut(press('k', { metaKey: true }), 'mod+k', true)).toBe(true);
    expect(matchesShortcut(press('k', { ctrlKey: true }), 'mod+k', true)).toBe(false);
    expect(matchesShortcut(press('k', { ctrlKey: true }), 'mod+k', false)).toBe(true);
    expect(matchesShortcut(press('k'), 'mod+k', false)).toBe(false);
  });

  it('needs exactly the modifiers named', () => {
    expect(matchesShortcut(press('n', { altKey: true, shiftKey: true }), 'alt+n', false)).toBe(false);
    expect(matchesShortcut(press('˜', { altKey: true, code: 'KeyN' }), 'alt+n', true)).toBe(true);
  });

  it('gives every command a unique id and every shortcut to one command only', () => {
    const ids = commands.map((command) => command.id);
    const shortcuts = commands.flatMap((command) => (command.shortcut ? [command.shortcut] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });
});
