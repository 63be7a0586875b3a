// Shared helpers for the pattern tests: what the loopback server recorded, per request.
import type { RecordedRequest } from '@agent-generator/testing';

interface WireMessage {
  readonly role: string;
  readonly content: string | null;
  readonly tool_call_id?: string;
}

function messagesOf(request: RecordedRequest | undefined): ReadonlyArray<WireMessage> {
  return (request?.body as { messages?: WireMessage[] } | undefined)?.messages ?? [];
}

/** The system prompt of each recorded model request, in order. */
export function systemPrompts(requests: ReadonlyArray<RecordedRequest>): string[] {
  return requests.map((request) => messagesOf(request).find((message) => message.role === 'system')?.content ?? '');
}

/** The last user message of a recorded request. */
export function lastUserText(request: RecordedRequest | undefined): string {
  return messagesOf(request).findLast((message) => message.role === 'user')?.content ?? '';
}

/** The names of the tools offered in a recorded request. */
export function offeredTools(request: RecordedRequest | undefined): string[] {
  return ((request?.body as { tools?: Array<{ function: { name: string } }> } | undefined)?.tools ?? []).map((tool) => tool.function.name);
}
