// A chat message's run input: the message, preceded by the session's earlier turns for context.
import type { RunRecord, Store } from '@agent-generator/contracts';

const EARLIER_TURNS = 6;

export async function chatRunInput(store: Store, run: RunRecord): Promise<string> {
  if (run.sessionId === null) return run.input;
  const page = await store.runs.list({ sessionId: run.sessionId, limit: EARLIER_TURNS + 1 });
  const earlier = page.items.filter((item) => item.id !== run.id && item.createdAt <= run.createdAt && item.output !== null).reverse();
  if (earlier.length === 0) return run.input;
  const turns = earlier.map((item) => `User: ${item.input}\nAssistant: ${item.output ?? ''}`).join('\n\n');
  return `Earlier in this conversation:\n${turns}\n\nUser: ${run.input}`;
}
