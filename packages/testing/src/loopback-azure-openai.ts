// The OpenAI loopback's chat completions at Azure OpenAI's URL shape: deployments, api-version, `api-key`.
import { handleChatCompletions } from './chat-completions.routes';
import { errorReply } from './error-responses';
import { sendError } from './http-io';
import { startLoopbackHttp, type LoopbackExchange } from './loopback-http';
import { providerServer, type LoopbackProviderServer } from './loopback-provider-server';
import { ScriptedChat, type ScriptOptions } from './scripted-chat';

export interface LoopbackAzureOpenAiOptions extends ScriptOptions {
  /** When set, every request needs the header `api-key: <apiKey>`. */
  readonly apiKey?: string;
  /** Deployment names served; others get Azure's 404 DeploymentNotFound (default: any). */
  readonly deployments?: ReadonlyArray<string>;
}

const ROUTE = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;
const ACCESS_DENIED =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

export async function createLoopbackAzureOpenAi(options: LoopbackAzureOpenAiOptions = {}): Promise<LoopbackProviderServer> {
  const chat = new ScriptedChat(options, 'call_');
  let chatRequests = 0;
  let toolCalls = 0;

  async function handle(exchange: LoopbackExchange): Promise<void> {
    const { target } = exchange;
    const fail = (status: number, overrides: { readonly message: string; readonly code: string }): void => sendError(target.response, { ...errorReply(status, overrides), headers: target.headers });
    if (options.apiKey !== undefined && exchange.headers['api-key'] !== options.apiKey) return fail(401, { code: '401', message: ACCESS_DENIED });
    const route = ROUTE.exec(exchange.path);
    if (exchange.method !== 'POST' || route?.[1] === undefined) return fail(404, { code: '404', message: 'Resource not found' });
    if (exchange.query.get('api-version') === null) return fail(404, { code: '404', message: 'Resource not found' });
    const deployment = decodeURIComponent(route[1]);
    if (options.deployments !== undefined && !options.deployments.includes(deployment)) {
      return fail(404, { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' });
    }
    await handleChatCompletions({
      target,
      body: exchange.body,
      dependencies: {
        replySource: (request, requestNumber) => chat.decide(request, requestNumber),
        models: undefined,
        nextRequestNumber: () => (chatRequests += 1),
        contextFor: (requestNumber) => ({ completionId: `chatcmpl-azure-${requestNumber}`, created: 0, nextToolCallId: () => `call_${(toolCalls += 1)}` }),
      },
    });
  }

  const http = await startLoopbackHttp({ handle, onFailure: (message) => chat.player.recordFailure(message) });
  return providerServer(http, chat, http.origin);
}
