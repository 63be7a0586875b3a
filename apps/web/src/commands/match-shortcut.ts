// Does a keyboard event match a combination like `mod+k` or `alt+n`? `mod` is ⌘ on a Mac, Ctrl elsewhere.
export interface KeyPress {
  readonly key: string;
  readonly code?: string;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export function matchesShortcut(event: KeyPress, combination: string, mac: boolean): boolean {
  const parts = combination.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const wants = new Set(parts.slice(0, -1));
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (wants.has('mod') !== mod || wants.has('alt') !== event.altKey || wants.has('shift') !== event.shiftKey) return false;
  if (!wants.has('mod') && (mac ? event.ctrlKey : event.metaKey)) return false;
  // With Alt held, some layouts change event.key (⌥N → ˜ on a Mac), so compare the physical key too.
  const physical = event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.code?.startsWith('Digit') ? event.code.slice(5) : undefined;
  return event.key.toLowerCase() === key || physical === key;
}
