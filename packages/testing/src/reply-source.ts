// Chooses the reply to a request: from the script, from the respond callback, or by echoing.
import { lastUserMessage, type ParsedChatRequest } from './chat-request';
import type { RespondFunction, ScriptStep } from './script';
import type { ScriptDecision, ScriptPlayer } from './script-player';

export type ReplyDecision = ScriptDecision | { readonly kind: 'respond-failed'; readonly message: string };

export type ReplySource = (request: ParsedChatRequest, requestNumber: number) => Promise<ReplyDecision>;

/** Echo mode answers with the text of the last user message. */
function echo(request: ParsedChatRequest): ReplyDecision {
  return { kind: 'reply', reply: { text: lastUserMessage(request) ?? '' } };
}

export function createReplySource(options: { readonly player: ScriptPlayer; readonly script?: ReadonlyArray<ScriptStep>; readonly respond?: RespondFunction }): ReplySource {
  const { player, respond } = options;
  if (options.script !== undefined && respond !== undefined) throw new Error('createLoopbackModelServer: give either `script` or `respond`, not both.');
  if (options.script !== undefined) return async (request, requestNumber) => player.decide(request, requestNumber);
  if (respond === undefined) return async (request) => echo(request);
  return async (request, requestNumber) => {
    try {
      return { kind: 'reply', reply: await respond(request) };
    } catch (error) {
      const message = `the respond callback threw for request ${requestNumber}: ${error instanceof Error ? error.message : String(error)}`;
      player.recordFailure(message);
      return { kind: 'respond-failed', message };
    }
  };
}
