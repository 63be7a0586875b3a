// AgentModel for IBM watsonx.ai over its REST API: IAM token, then text/chat_stream (SSE) or text/chat.
import type { AgentModel, AgentModelRequest, ModelRequest, ModelResponse, ModelStreamPart } from '@agent-generator/contracts';
import { OperationalError } from '@agent-generator/contracts';
import { callFailure, openProviderCall, type ProviderCall } from '../http-call';
import { openProviderStream } from '../http-stream';
import type { ErrorContext } from '../provider-error';
import type { ProviderSettings } from '../provider-settings';
import type { FetchFunction } from '../providers/sdk-model-options';
import { secretsOf } from '../redact';
import { resolvedBaseUrl } from '../sdk-models';
import { readSseEvents } from '../sse-events';
import { ChatChunkFolder, usageOf } from '../chat-completions/chunk-folder';
import { createIamTokenSource, DEFAULT_IAM_URL } from './watsonx-iam';
import { planChatCompletionMessages, toChatCompletionMessages, toChatTools, type ChatCompletionMessage } from '../chat-completions/chat-messages';

/** The `version` date sent with every call unless settings.apiVersion overrides it. */
export const DEFAULT_WATSONX_VERSION = '2025-02-11';

export function createWatsonxAgentModel(options: { readonly settings: ProviderSettings; readonly fetch?: FetchFunction }): AgentModel {
  const { settings } = options;
  const baseUrl = resolvedBaseUrl(settings);
  const context: ErrorContext = { provider: 'watsonx', baseUrl, secrets: secretsOf(settings), timeoutMs: settings.timeoutMs };
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch };
  const tokens = createIamTokenSource({ iamUrl: settings.iamUrl ?? DEFAULT_IAM_URL, apiKey: settings.apiKey ?? '', context, ...fetchOption });
  const scope = settings.project === undefined ? { space_id: settings.spaceId } : { project_id: settings.project };

  /** Opens `chat_stream` (with openProviderStream) or `chat` (with openProviderCall). */
  async function open<Opened>(path: 'chat_stream' | 'chat', call: { readonly body: Record<string, unknown>; readonly signal: AbortSignal | undefined; readonly opener: (call: ProviderCall) => Promise<Opened> }): Promise<Opened> {
    const { body, signal } = call;
    const url = `${baseUrl}/ml/v1/text/${path}?version=${encodeURIComponent(settings.apiVersion ?? DEFAULT_WATSONX_VERSION)}`;
    const send = async (): Promise<Opened> => {
      const token = await tokens.token(signal);
      const init = { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: path === 'chat_stream' ? 'text/event-stream' : 'application/json' }, body: JSON.stringify(body) };
      return call.opener({ context, url, init, ...fetchOption, ...(signal === undefined ? {} : { signal }) });
    };
    try {
      return await send();
    } catch (error) {
      // A cached token can be revoked before it expires: exchange the key once more.
      if (!(error instanceof OperationalError) || error.code !== 'unauthenticated') throw error;
      tokens.invalidate();
      return send();
    }
  }

  const requestBody = (messages: ReadonlyArray<ChatCompletionMessage>, extra: Record<string, unknown>): Record<string, unknown> => ({ model_id: settings.model, ...scope, messages, ...extra });

  async function* stream(request: AgentModelRequest): AsyncGenerator<ModelStreamPart> {
    const tools = toChatTools(request.tools);
    const body = requestBody(toChatCompletionMessages(request.messages), {
      ...(tools.length > 0 ? { tools } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxOutputTokens === undefined ? {} : { max_tokens: request.maxOutputTokens }),
    });
    const { chunks, deadline } = await open('chat_stream', { body, signal: request.signal, opener: openProviderStream });
    try {
      const folder = new ChatChunkFolder('watsonx');
      for await (const event of readSseEvents(chunks, () => deadline.touch())) {
        if (event.event === 'error') throw new OperationalError('model_error', `IBM watsonx.ai failed mid-stream: ${event.data.slice(0, 300)}`, { provider: 'watsonx' });
        const text = folder.accept(JSON.parse(event.data) as unknown);
        if (text.length > 0) yield { type: 'text-delta', delta: text };
      }
      yield* folder.finish();
    } catch (error) {
      throw callFailure({ context, error, deadline, signal: request.signal });
    } finally {
      deadline.dispose();
    }
  }

  async function generate(request: ModelRequest): Promise<ModelResponse> {
    const schema = request.jsonSchema;
    const body = requestBody(planChatCompletionMessages(request.messages), {
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(schema === undefined ? {} : { response_format: { type: 'json_schema', json_schema: { name: schema.name, schema: schema.schema } } }),
    });
    const { response, deadline } = await open('chat', { body, signal: request.signal, opener: openProviderCall });
    try {
      const answer = (await response.json()) as { choices?: Array<{ message?: { content?: unknown; tool_calls?: unknown }; finish_reason?: unknown }>; usage?: unknown };
      const message = answer.choices?.[0]?.message;
      return { text: typeof message?.content === 'string' ? message.content : '', usage: usageOf(answer.usage) ?? { inputTokens: 0, outputTokens: 0 } };
    } catch (error) {
      throw callFailure({ context, error, deadline, signal: request.signal });
    } finally {
      deadline.dispose();
    }
  }

  return { provider: 'watsonx', modelId: settings.model, stream, generate };
}

