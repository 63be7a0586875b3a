// What every provider loopback server (Anthropic, Bedrock, Gemini, watsonx, Azure) exposes to tests.
import type { RecordedRequest } from './recorded-request';

export interface LoopbackProviderServer {
  /** The base URL to give the provider's client (each server's doc says what it includes). */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, credential headers kept as `[redacted]`. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Script mismatches, requests past the script's end and respond-callback errors, so far. */
  readonly failures: ReadonlyArray<string>;
  /** Throws, listing unconsumed steps and failures, unless the script ran exactly as written. */
  assertScriptDone(): void;
  /** Stops listening and cuts open streams and pending delayed replies. */
  close(): Promise<void>;
}
