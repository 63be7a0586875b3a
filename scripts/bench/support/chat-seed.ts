// Prepares a running server for the chat benchmark over its API: the openai-compatible provider
// pointing at the loopback model, one project (the agent under test) and N chat sessions.
export interface ChatSeed {
  readonly projectId: string;
  /** The project's pattern and agent count, to explain how many model calls one message costs. */
  readonly pattern: string;
  readonly agents: number;
  readonly sessionIds: ReadonlyArray<string>;
}

async function call(options: { readonly url: string; readonly token: string; readonly method: string; readonly path: string; readonly body: unknown }): Promise<unknown> {
  const response = await fetch(`${options.url}${options.path}`, {
    method: options.method,
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(options.body),
  });
  if (!response.ok) throw new Error(`${options.method} ${options.path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function seedChat(options: { readonly url: string; readonly token: string; readonly model: { readonly url: string; readonly apiKey: string }; readonly sessions: number }): Promise<ChatSeed> {
  const { url, token } = options;
  await call({ url, token, method: 'PUT', path: '/api/providers/openai-compatible', body: { enabled: true, baseUrl: options.model.url, apiKey: options.model.apiKey, defaultModel: 'loopback-model' } });
  // ReAct with no tools: one agent, one model call per message.
  const created = (await call({ url, token, method: 'POST', path: '/api/projects', body: { idea: 'Answer questions about our product in a friendly way', name: 'Chat bench', selection: { pattern: 'react', tools: [] } } })) as {
    project: { id: string };
    version?: { spec?: { pattern?: string; agents?: unknown[] } };
  };
  const projectId = created.project.id;
  const sessionIds: string[] = [];
  const BATCH = 25;
  for (let start = 0; start < options.sessions; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, options.sessions - start) }, () => call({ url, token, method: 'POST', path: '/api/chat/sessions', body: { projectId } }));
    for (const session of await Promise.all(batch)) sessionIds.push((session as { sessionId: string }).sessionId);
  }
  return { projectId, pattern: created.version?.spec?.pattern ?? 'unknown', agents: created.version?.spec?.agents?.length ?? 0, sessionIds };
}
