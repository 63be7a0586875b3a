// Small statistics helpers shared by the benchmarks.
export function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: ReadonlyArray<number>, p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function printTable(rows: ReadonlyArray<Record<string, string | number>>): void {
  const headers = Object.keys(rows[0] ?? {});
  const cell = (value: string | number) => (typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 1) : value);
  const widths = headers.map((header) => Math.max(header.length, ...rows.map((row) => String(cell(row[header]!)).length)));
  const line = (values: ReadonlyArray<string>) => `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(headers.map((header) => String(cell(row[header]!)))));
}
