// Compares a request with a step's expectation and describes every difference in words.
import { lastUserMessage, type ParsedChatRequest } from './chat-request';
import type { StepExpectation } from './script';

function quote(value: string | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
}

function userMessageMismatch(expected: string | RegExp, request: ParsedChatRequest): string | undefined {
  const actual = lastUserMessage(request);
  const matches = actual !== undefined && (typeof expected === 'string' ? actual.includes(expected) : actual.search(expected) !== -1);
  if (matches) return undefined;
  const wanted = typeof expected === 'string' ? `to contain ${quote(expected)}` : `to match ${String(expected)}`;
  return `expected the last user message ${wanted}, but it was ${quote(actual)}`;
}

/** Every way the request differs from the expectation; empty when it matches. */
export function findMismatches(expectation: StepExpectation | undefined, request: ParsedChatRequest): ReadonlyArray<string> {
  if (expectation === undefined) return [];
  const problems: string[] = [];
  if (expectation.model !== undefined && expectation.model !== request.model) {
    problems.push(`expected model ${quote(expectation.model)}, but it was ${quote(request.model)}`);
  }
  if (expectation.lastUserMessage !== undefined) {
    const problem = userMessageMismatch(expectation.lastUserMessage, request);
    if (problem !== undefined) problems.push(problem);
  }
  const offered = request.tools.map((tool) => tool.name);
  const missingTools = (expectation.toolsOffered ?? []).filter((name) => !offered.includes(name));
  if (missingTools.length > 0) {
    problems.push(`expected tools [${missingTools.join(', ')}] to be offered, but the request offered [${offered.join(', ')}]`);
  }
  if (expectation.toolResultFor !== undefined && !request.messages.some((message) => message.toolCallId === expectation.toolResultFor)) {
    const present = request.messages.flatMap((message) => (message.toolCallId === undefined ? [] : [message.toolCallId]));
    problems.push(`expected a tool result for call ${quote(expectation.toolResultFor)}, but tool results were for [${present.join(', ')}]`);
  }
  if (expectation.stream !== undefined && expectation.stream !== request.stream) {
    problems.push(`expected stream: ${String(expectation.stream)}, but it was ${String(request.stream)}`);
  }
  return problems;
}
