// Ask mode: announces a side-effecting call, waits for the user's answer, and records it.
import type { ToolCallRequest } from '@agent-generator/contracts';
import type { RunContext } from '../run-context';

/** True when the user approved; false when they refused or did not answer in time. */
export async function requestApproval(context: RunContext, call: ToolCallRequest): Promise<boolean> {
  const answer = context.approvals.waitFor(call.id, { signal: context.signal, timeoutMs: context.approvalTimeoutMs });
  context.emit({ type: 'approval-request', callId: call.id, tool: call.name, arguments: call.arguments });
  const approved = await answer;
  context.emit({ type: 'approval-response', callId: call.id, approved });
  return approved;
}
