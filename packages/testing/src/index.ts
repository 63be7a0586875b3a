// Public surface of @agent-generator/testing: the loopback model server and its script format.
export { createLoopbackModelServer, type LoopbackModelServer, type LoopbackModelServerOptions } from './loopback-model-server';
export type { ErrorReply, FinishReason, ReplyTiming, RespondFunction, ScriptError, ScriptReply, ScriptStep, ScriptToolCall, StepExpectation, TextReply, ToolCallsReply } from './script';
export type { MessageRole, OfferedTool, ParsedChatRequest, ParsedMessage, WireToolCall } from './chat-request';
export type { RecordedRequest } from './recorded-request';
export { countTokens, countPromptTokens, countCompletionTokens, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMER_TOKENS } from './tokenizer';
export { decodeSseData } from './sse-encoder';
export { startPostgres, type PostgresCluster } from './postgres';
