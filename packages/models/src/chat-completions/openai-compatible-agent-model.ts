// AgentModel for Ollama, OllaBridge and any OpenAI-compatible server: agent turns stream from
// /chat/completions through our own SSE reader over node:http, one text delta per read of the body, so a run that
// falls behind catches up in a few events instead of one per token (ADR 0010). The planner's
// generate() stays on the AI SDK, which handles structured output.
import { OperationalError, type AgentModel, type AgentModelRequest, type ModelStreamPart } from '@agent-generator/contracts';
import { callFailure } from '../http-call';
import { openProviderStream } from '../http-stream';
import type { ErrorContext } from '../provider-error';
import type { ProviderSettings } from '../provider-settings';
import type { FetchFunction } from '../providers/sdk-model-options';
import { secretsOf } from '../redact';
import { createSdkAgentModel } from '../sdk-agent-model';
import { resolvedBaseUrl } from '../sdk-models';
import { readSseEventBatches } from '../sse-events';
import { toChatCompletionMessages, toChatTools } from './chat-messages';
import { ChatChunkFolder } from './chunk-folder';
import { withRetries } from './with-retries';

export type OpenAiCompatibleKind = 'ollama' | 'ollabridge' | 'openai-compatible';

function requestBody(model: string, request: AgentModelRequest): Record<string, unknown> {
  const tools = toChatTools(request.tools);
  return {
    model,
    messages: toChatCompletionMessages(request.messages),
    stream: true,
    stream_options: { include_usage: true },
    ...(tools.length > 0 ? { tools } : {}),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxOutputTokens === undefined ? {} : { max_tokens: request.maxOutputTokens }),
  };
}

/** A chunk that carries an error instead of a delta (some servers report failures mid-stream this way). */
function streamedError(chunk: unknown, context: ErrorContext): OperationalError | undefined {
  if (typeof chunk !== 'object' || chunk === null || !('error' in chunk)) return undefined;
  const error = (chunk as { error: unknown }).error;
  const said = typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : JSON.stringify(error);
  return new OperationalError('model_error', `The model server failed mid-stream: ${said.slice(0, 300)}`, { provider: context.provider });
}

export function createOpenAiCompatibleAgentModel(options: { readonly settings: ProviderSettings & { readonly provider: OpenAiCompatibleKind }; readonly fetch?: FetchFunction }): AgentModel {
  const { settings } = options;
  const baseUrl = resolvedBaseUrl(settings);
  const context: ErrorContext = { provider: settings.provider, baseUrl, secrets: secretsOf(settings), timeoutMs: settings.timeoutMs };
  const headers = { 'content-type': 'application/json', accept: 'text/event-stream', ...(settings.apiKey === undefined ? {} : { authorization: `Bearer ${settings.apiKey}` }) };

  async function* stream(request: AgentModelRequest): AsyncGenerator<ModelStreamPart> {
    const init = { method: 'POST', headers, body: JSON.stringify(requestBody(settings.model, request)) };
    const call = { context, url: `${baseUrl}/chat/completions`, init, ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(request.signal === undefined ? {} : { signal: request.signal }) };
    const { chunks, deadline } = await withRetries({ retries: settings.maxRetries, signal: request.signal }, () => openProviderStream(call));
    try {
      const folder = new ChatChunkFolder(settings.provider);
      for await (const batch of readSseEventBatches(chunks, () => deadline.touch())) {
        let text = '';
        for (const event of batch) {
          if (event.data === '[DONE]') continue;
          const chunk = JSON.parse(event.data) as unknown;
          const failed = streamedError(chunk, context);
          if (failed !== undefined) throw failed;
          text += folder.accept(chunk);
        }
        if (text.length > 0) yield { type: 'text-delta', delta: text };
      }
      if (!folder.finished) throw new OperationalError('unavailable', 'The model server closed the stream before the answer was finished. Try again.', { provider: settings.provider });
      yield* folder.finish();
    } catch (error) {
      throw callFailure({ context, error, deadline, signal: request.signal });
    } finally {
      deadline.dispose();
    }
  }

  const planner = createSdkAgentModel({ settings, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  return { provider: settings.provider, modelId: settings.model, stream, generate: (request) => planner.generate(request) };
}
