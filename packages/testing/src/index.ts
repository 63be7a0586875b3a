// Public surface of @agent-generator/testing: the loopback model server and its script format.
export { createLoopbackModelServer, type LoopbackModelServer, type LoopbackModelServerOptions } from './loopback-model-server';
export type { ErrorReply, FinishReason, ReplyTiming, RespondFunction, ScriptError, ScriptReply, ScriptStep, ScriptToolCall, StepExpectation, TextReply, ToolCallsReply } from './script';
export type { MessageRole, OfferedTool, ParsedChatRequest, ParsedMessage, WireToolCall } from './chat-request';
export type { RecordedRequest } from './recorded-request';
export type { SentChunk } from './reply-writer';
export { countTokens, countPromptTokens, countCompletionTokens, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMER_TOKENS } from './tokenizer';
export { decodeSseData } from './sse-encoder';
export { startPostgres, type PostgresCluster } from './postgres';
export type { LoopbackProviderServer } from './loopback-provider-server';
export type { ScriptOptions } from './scripted-chat';
export { createLoopbackAnthropic, type LoopbackAnthropicOptions } from './loopback-anthropic';
export { createLoopbackBedrock, type LoopbackBedrockOptions } from './loopback-bedrock';
export { createLoopbackGemini, type LoopbackGeminiOptions } from './loopback-gemini';
export { createLoopbackWatsonx, type LoopbackWatsonxOptions, type LoopbackWatsonxServer } from './loopback-watsonx';
export { createLoopbackAzureOpenAi, type LoopbackAzureOpenAiOptions } from './loopback-azure-openai';
export { decodeEventStream, type DecodedEventStreamMessage } from './aws-event-stream';
export type { AwsCredentials } from './aws-sigv4';
