// Line diff of two texts as unified-diff hunks (3 lines of context), the format `git diff` shows.
// LCS over the part between the common prefix and suffix; past a size cap the whole middle is
// reported as replaced rather than spending quadratic time and memory.
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Operation = { readonly kind: ' ' | '-' | '+'; readonly line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function middleOperations(before: ReadonlyArray<string>, after: ReadonlyArray<string>): Operation[] {
  const rows = before.length;
  const columns = after.length;
  if (rows * columns > MAX_CELLS) return [...before.map((line) => ({ kind: '-' as const, line })), ...after.map((line) => ({ kind: '+' as const, line }))];
  // lengths[i][j]: LCS length of before[i..] and after[j..], flattened.
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = before[i] === after[j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const operations: Operation[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      operations.push({ kind: ' ', line: before[i] ?? '' });
      i += 1;
      j += 1;
    } else if (j < columns && (i === rows || (lengths[i * width + j + 1] ?? 0) > (lengths[(i + 1) * width + j] ?? 0))) {
      operations.push({ kind: '+', line: after[j] ?? '' });
      j += 1;
    } else {
      operations.push({ kind: '-', line: before[i] ?? '' });
      i += 1;
    }
  }
  return operations;
}

function operationsOf(before: ReadonlyArray<string>, after: ReadonlyArray<string>): Operation[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  const same = (lines: ReadonlyArray<string>): Operation[] => lines.map((line) => ({ kind: ' ', line }));
  return [
    ...same(before.slice(0, prefix)),
    ...middleOperations(before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix)),
    ...same(before.slice(before.length - suffix)),
  ];
}

function hunkRanges(operations: ReadonlyArray<Operation>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  operations.forEach((operation, index) => {
    if (operation.kind === ' ') return;
    const start = Math.max(0, index - CONTEXT);
    const end = Math.min(operations.length, index + CONTEXT + 1);
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  });
  return ranges;
}

export interface LineDiff {
  readonly patch: string;
  readonly additions: number;
  readonly deletions: number;
}

/** Hunks only (no `---`/`+++` header); empty when the texts have the same lines. */
export function diffLines(beforeText: string, afterText: string): LineDiff {
  const operations = operationsOf(splitLines(beforeText), splitLines(afterText));
  const lineNumbers = { old: [] as number[], new: [] as number[] };
  let oldLine = 1;
  let newLine = 1;
  for (const operation of operations) {
    lineNumbers.old.push(oldLine);
    lineNumbers.new.push(newLine);
    if (operation.kind !== '+') oldLine += 1;
    if (operation.kind !== '-') newLine += 1;
  }
  const hunks = hunkRanges(operations).map(([start, end]) => {
    const slice = operations.slice(start, end);
    const oldCount = slice.filter((operation) => operation.kind !== '+').length;
    const newCount = slice.filter((operation) => operation.kind !== '-').length;
    const oldStart = oldCount === 0 ? (lineNumbers.old[start] ?? 1) - 1 : (lineNumbers.old[start] ?? 1);
    const newStart = newCount === 0 ? (lineNumbers.new[start] ?? 1) - 1 : (lineNumbers.new[start] ?? 1);
    const body = slice.map((operation) => `${operation.kind}${operation.line}`).join('\n');
    return `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${body}`;
  });
  return {
    patch: hunks.length === 0 ? '' : `${hunks.join('\n')}\n`,
    additions: operations.filter((operation) => operation.kind === '+').length,
    deletions: operations.filter((operation) => operation.kind === '-').length,
  };
}
