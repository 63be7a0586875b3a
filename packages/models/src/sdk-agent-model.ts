// AgentModel over the AI SDK: streamText for agent turns (tools reported, never executed), generateText for the planner.
import { UserError, type AgentModel, type AgentModelRequest, type ModelRequest, type ModelResponse, type ModelStreamPart } from '@agent-generator/contracts';
import { startDeadline } from './deadline';
import { mapStreamPart } from './map-stream-part';
import type { ErrorContext } from './provider-error';
import type { ProviderSettings } from './provider-settings';
import type { FetchFunction } from './providers/sdk-model-options';
import { secretsOf } from './redact';
import { resolvedBaseUrl, sdkModels, type SdkProviderKind } from './sdk-models';
import { toOperationalError } from './to-operational-error';
import { planMessages, toModelMessages, toToolSet } from './to-model-messages';

const compactNumber = <K extends string>(key: K, value: number | undefined): { [P in K]?: number } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: number }));

/** Rethrows the caller's own cancellation as is; anything else becomes an OperationalError. */
function failure(context: ErrorContext, options: { readonly error: unknown; readonly timedOut: boolean; readonly signal: AbortSignal | undefined }): unknown {
  if (options.signal?.aborted === true && !options.timedOut) return options.signal.reason ?? options.error;
  if (options.error instanceof UserError) return options.error;
  return toOperationalError(context, options.error, options.timedOut);
}

export function createSdkAgentModel(options: { readonly settings: ProviderSettings & { readonly provider: SdkProviderKind }; readonly fetch?: FetchFunction }): AgentModel {
  const { settings } = options;
  const context: ErrorContext = { provider: settings.provider, baseUrl: resolvedBaseUrl(settings), secrets: secretsOf(settings), timeoutMs: settings.timeoutMs };
  let model: ReturnType<(typeof sdkModels)[SdkProviderKind]> | undefined;
  const load = (): ReturnType<(typeof sdkModels)[SdkProviderKind]> => (model ??= sdkModels[settings.provider]({ settings, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) }));

  async function* stream(request: AgentModelRequest): AsyncGenerator<ModelStreamPart> {
    const deadline = startDeadline({ timeoutMs: settings.timeoutMs, ...(request.signal === undefined ? {} : { signal: request.signal }) });
    try {
      const [languageModel, sdk] = await Promise.all([load(), import('ai')]);
      const { streamText } = sdk;
      const tools = toToolSet(request.tools, sdk);
      const result = streamText({
        model: languageModel,
        messages: toModelMessages(request.messages),
        allowSystemInMessages: true,
        ...(tools === undefined ? {} : { tools }),
        ...compactNumber('temperature', request.temperature),
        ...compactNumber('maxOutputTokens', request.maxOutputTokens),
        maxRetries: settings.maxRetries,
        abortSignal: deadline.signal,
        onError: () => undefined, // errors are rethrown below; the default would log them
      });
      let finished = false;
      for await (const part of result.fullStream) {
        deadline.touch();
        const mapped = mapStreamPart(part);
        if (mapped === undefined || finished) continue;
        finished = mapped.type === 'finish';
        yield mapped;
      }
      if (!finished) throw new Error('the stream ended without a finish event');
    } catch (error) {
      throw failure(context, { error, timedOut: deadline.timedOut, signal: request.signal });
    } finally {
      deadline.dispose();
    }
  }

  async function generate(request: ModelRequest): Promise<ModelResponse> {
    const deadline = startDeadline({ timeoutMs: settings.timeoutMs, ...(request.signal === undefined ? {} : { signal: request.signal }) });
    try {
      const [languageModel, { generateText, Output, jsonSchema }] = await Promise.all([load(), import('ai')]);
      const schema = request.jsonSchema;
      const result = await generateText({
        model: languageModel,
        messages: planMessages(request.messages),
        allowSystemInMessages: true,
        ...compactNumber('temperature', request.temperature),
        ...(schema === undefined ? {} : { output: Output.object({ schema: jsonSchema(schema.schema), name: schema.name }) }),
        maxRetries: settings.maxRetries,
        abortSignal: deadline.signal,
      });
      return { text: result.text, usage: { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 } };
    } catch (error) {
      throw failure(context, { error, timedOut: deadline.timedOut, signal: request.signal });
    } finally {
      deadline.dispose();
    }
  }

  return { provider: settings.provider, modelId: settings.model, stream, generate };
}
