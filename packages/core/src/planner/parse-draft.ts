// Reads a model's answer as a JSON object, tolerating the code fences models like to add.
import type { DraftIssue } from './model-prompt';

export type ParsedDraft = { ok: true; value: Record<string, unknown> } | { ok: false; issues: ReadonlyArray<DraftIssue> };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonCandidate(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

export function parseDraft(text: string): ParsedDraft {
  let value: unknown;
  try {
    value = JSON.parse(jsonCandidate(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '(answer)', message: `the answer is not JSON (${reason})` }] };
  }
  if (!isRecord(value)) return { ok: false, issues: [{ path: '(answer)', message: 'the answer must be one JSON object' }] };
  return { ok: true, value };
}
