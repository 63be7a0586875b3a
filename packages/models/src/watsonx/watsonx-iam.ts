// IBM Cloud IAM: exchanges the API key for a bearer token, cached until shortly before it expires.
import { OperationalError } from '@agent-generator/contracts';
import { openProviderCall, callFailure } from '../http-call';
import type { ErrorContext } from '../provider-error';
import type { FetchFunction } from '../providers/sdk-model-options';
import { redact } from '../redact';

export const DEFAULT_IAM_URL = 'https://iam.cloud.ibm.com';
const REFRESH_MARGIN_MS = 60_000;

export interface IamTokenSource {
  token(signal?: AbortSignal): Promise<string>;
  /** Forget the cached token (after a 401), so the next call exchanges the key again. */
  invalidate(): void;
}

function rejected(context: ErrorContext, error: OperationalError): OperationalError {
  const status = error.details.status;
  const isKeyProblem = typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
  if (!isKeyProblem) return error;
  return new OperationalError('unauthenticated', redact(`IBM Cloud IAM rejected the watsonx.ai API key (${status}). Check Settings → Providers.`, context.secrets), { provider: context.provider, status });
}

export function createIamTokenSource(options: { readonly iamUrl: string; readonly apiKey: string; readonly context: ErrorContext; readonly fetch?: FetchFunction }): IamTokenSource {
  let cached: { readonly token: string; readonly expiresAt: number } | undefined;
  const context = { ...options.context, baseUrl: options.iamUrl };

  async function exchange(signal: AbortSignal | undefined): Promise<string> {
    const url = `${options.iamUrl.replace(/\/+$/, '')}/identity/token`;
    const body = new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: options.apiKey }).toString();
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body };
    let opened;
    try {
      opened = await openProviderCall({ context, url, init, ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(signal === undefined ? {} : { signal }) });
    } catch (error) {
      throw error instanceof OperationalError ? rejected(context, error) : error;
    }
    try {
      const answer = (await opened.response.json()) as { access_token?: unknown; expires_in?: unknown };
      if (typeof answer.access_token !== 'string') throw new OperationalError('model_error', 'IBM Cloud IAM answered without an access token.', { provider: context.provider });
      const lifetimeSeconds = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
      cached = { token: answer.access_token, expiresAt: Date.now() + lifetimeSeconds * 1000 };
      return answer.access_token;
    } catch (error) {
      throw callFailure({ context, error, deadline: opened.deadline, signal });
    } finally {
      opened.deadline.dispose();
    }
  }

  return {
    token: async (signal) => (cached !== undefined && cached.expiresAt - REFRESH_MARGIN_MS > Date.now() ? cached.token : exchange(signal)),
    invalidate: () => {
      cached = undefined;
    },
  };
}
