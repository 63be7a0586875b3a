// A key combination drawn as key caps, e.g. "mod+k" → ⌘ K on a Mac and Ctrl K elsewhere.
export function keyLabels(combination: string, mac: boolean): ReadonlyArray<string> {
  return combination.split('+').map((key) => {
    if (key === 'mod') return mac ? '⌘' : 'Ctrl';
    if (key === 'shift') return mac ? '⇧' : 'Shift';
    if (key === 'alt') return mac ? '⌥' : 'Alt';
    return key.length === 1 ? key.toUpperCase() : key;
  });
}

export function Kbd({ combination, mac = false }: { readonly combination: string; readonly mac?: boolean }) {
  return (
    <span className="ag-row" style={{ gap: 2 }}>
      <span className="ag-visually-hidden">{keyLabels(combination, mac).join(' ')}</span>
      {keyLabels(combination, mac).map((label, index) => (
        <kbd className="ag-kbd" key={index} aria-hidden="true">
          {label}
        </kbd>
      ))}
    </span>
  );
}
