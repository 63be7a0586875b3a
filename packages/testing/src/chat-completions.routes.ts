// POST /chat/completions: validate, pick the reply, and send it as JSON or a stream.
import type { CompletionContext } from './completion';
import { errorReply, InvalidRequestError, invalidRequestReply } from './error-responses';
import { sendError } from './http-io';
import { parseChatRequest } from './parse-chat-request';
import type { ReplySource } from './reply-source';
import { writeReply, type ReplyTarget } from './reply-writer';

export interface ChatCompletionsDependencies {
  readonly replySource: ReplySource;
  /** When set, requests for any other model get OpenAI's 404 model_not_found. */
  readonly models: ReadonlyArray<string> | undefined;
  /** Ids and time for the completion answering chat request number `requestNumber`. */
  readonly contextFor: (requestNumber: number) => CompletionContext;
  readonly nextRequestNumber: () => number;
}

const UNPARSABLE_BODY =
  'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)';

function parseOrReply(target: ReplyTarget, body: { readonly body: unknown; readonly isJson: boolean }): ReturnType<typeof parseChatRequest> | undefined {
  if (!body.isJson) {
    sendError(target.response, { ...errorReply(400, { message: UNPARSABLE_BODY }), headers: target.headers });
    return undefined;
  }
  try {
    return parseChatRequest(body.body);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    sendError(target.response, { ...invalidRequestReply(error), headers: target.headers });
    return undefined;
  }
}

export async function handleChatCompletions(options: {
  readonly target: ReplyTarget;
  readonly body: { readonly body: unknown; readonly isJson: boolean };
  readonly dependencies: ChatCompletionsDependencies;
}): Promise<void> {
  const { target, dependencies } = options;
  const request = parseOrReply(target, options.body);
  if (request === undefined) return;
  if (dependencies.models !== undefined && !dependencies.models.includes(request.model)) {
    const message = `The model \`${request.model}\` does not exist or you do not have access to it.`;
    sendError(target.response, { ...errorReply(404, { message, code: 'model_not_found', param: 'model' }), headers: target.headers });
    return;
  }
  const requestNumber = dependencies.nextRequestNumber();
  const decision = await dependencies.replySource(request, requestNumber);
  switch (decision.kind) {
    case 'reply':
      return writeReply({ target, reply: decision.reply, request, context: dependencies.contextFor(requestNumber) });
    case 'mismatch':
      return sendError(target.response, { ...errorReply(400, { message: `loopback script mismatch: ${decision.message}`, code: 'loopback_script_mismatch' }), headers: target.headers });
    case 'respond-failed':
      return sendError(target.response, { ...errorReply(500, { message: `loopback respond callback failed: ${decision.message}` }), headers: target.headers });
  }
}
