// Palette search: every word of the query must start a word of the label (or its group); prefix matches rank first.
export interface PaletteEntry {
  readonly id: string;
  readonly label: string;
  readonly group: string;
  readonly shortcut?: string | undefined;
  readonly enabled: boolean;
}

function words(text: string): ReadonlyArray<string> {
  return text.toLowerCase().split(/[^a-z0-9⌘]+/).filter(Boolean);
}

function score(entry: PaletteEntry, terms: ReadonlyArray<string>): number {
  const labelWords = words(entry.label);
  const allWords = [...labelWords, ...words(entry.group)];
  if (!terms.every((term) => allWords.some((word) => word.startsWith(term)))) return -1;
  const label = entry.label.toLowerCase();
  return (label.startsWith(terms.join(' ')) ? 2 : 0) + (terms.every((term) => labelWords.some((word) => word.startsWith(term))) ? 1 : 0);
}

export function filterCommands<Entry extends PaletteEntry>(entries: ReadonlyArray<Entry>, query: string): ReadonlyArray<Entry> {
  const terms = words(query);
  if (terms.length === 0) return entries;
  return entries
    .map((entry, index) => ({ entry, index, score: score(entry, terms) }))
    .filter((item) => item.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((item) => item.entry);
}
