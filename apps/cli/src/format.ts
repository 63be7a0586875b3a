// Human-readable rendering of diagnostics, hints and file summaries for the terminal.
import type { Diagnostic, Selection } from '@agent-generator/contracts';

const COLORS = { ok: '\u001b[32m', warn: '\u001b[33m', err: '\u001b[31m', dim: '\u001b[2m', reset: '\u001b[0m' } as const;

function paint(color: keyof typeof COLORS, text: string, enabled: boolean): string {
  return enabled ? `${COLORS[color]}${text}${COLORS.reset}` : text;
}

const FLAG_OF: Record<keyof Selection, string> = {
  framework: '--framework',
  pattern: '--pattern',
  hyperscaler: '--hyperscaler',
  provider: '--provider',
  model: '--model',
  tools: '--tools',
  exportTarget: '--export',
};

/** `--framework langgraph --pattern graph`: an alternative selection as flags to paste. */
export function alternativeAsFlags(alternative: Diagnostic['alternatives'][number]): string {
  return Object.entries(alternative)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${FLAG_OF[key as keyof Selection]} ${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
}

export function formatDiagnostics(diagnostics: ReadonlyArray<Diagnostic>, color: boolean): string {
  const lines = diagnostics.map((diagnostic) => {
    const severity = paint(diagnostic.severity, diagnostic.severity.padEnd(4), color);
    const head = `  ${severity}  ${diagnostic.category.padEnd(11)} ${diagnostic.subject.padEnd(20)} ${diagnostic.message}`;
    const first = diagnostic.alternatives[0];
    return first && diagnostic.severity !== 'ok' ? `${head}\n${' '.repeat(41)}${paint('dim', `try: ${alternativeAsFlags(first)}`, color)}` : head;
  });
  return `Compatibility\n${lines.join('\n')}\n`;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
