// What the shared AgentModel conformance suite needs to know about one provider and its loopback server.
// Structural on purpose: the loopback servers live in @agent-generator/testing, which only tests import.
import type { ProviderSettingsInput } from '../provider-settings';

/** The part of the loopback script format the suite uses (assignable to the testing package's ScriptStep). */
export interface ConformanceStep {
  readonly expect?: { readonly lastUserMessage?: string; readonly toolsOffered?: ReadonlyArray<string>; readonly toolResultFor?: string };
  readonly reply:
    | { readonly text: string; readonly delayMs?: number; readonly chunkDelayMs?: number }
    | { readonly toolCalls: ReadonlyArray<{ readonly id?: string; readonly name: string; readonly arguments: Readonly<Record<string, unknown>> }> }
    | { readonly error: { readonly status: number; readonly message?: string; readonly retryAfter?: number } };
}

export interface ConformanceServer {
  readonly requests: ReadonlyArray<{ readonly path: string; readonly headers: Readonly<Record<string, string>>; readonly body: unknown }>;
  assertScriptDone(): void;
  close(): Promise<void>;
}

export interface StartedProvider {
  readonly server: ConformanceServer;
  readonly settings: ProviderSettingsInput;
}

export interface ProviderHarness {
  readonly name: string;
  /** Starts the provider's loopback server, accepting only `serverKey`; settings send `clientKey`. */
  start(options: { readonly script?: ReadonlyArray<ConformanceStep>; readonly serverKey: string; readonly clientKey: string }): Promise<StartedProvider>;
  /** The recorded header that must carry the credential (kept as `[redacted]`). */
  readonly credentialHeader: string;
  /** The id a second turn's tool result is matched by (Gemini matches results by function name). */
  readonly resultMatchId: (callId: string, toolName: string) => string;
  /** Asserts the second turn's body carried the tool result in this provider's format. */
  assertToolResultSent(body: unknown, options: { readonly callId: string; readonly toolName: string; readonly content: string }): void;
  /** True when the provider reports Retry-After (Bedrock does not). */
  readonly reportsRetryAfter: boolean;
  /** The loopback tokenizer, so usage figures can be checked exactly. */
  readonly countTokens: (text: string) => number;
  /** Model ids listModels should return, or undefined when the provider offers no list. */
  readonly listedModels: ReadonlyArray<string> | undefined;
}
