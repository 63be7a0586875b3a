// One tool call: permission check (and approval in Ask mode), execution, and its start/end events.
import type { ToolCallRequest } from '@agent-generator/contracts';
import { decidePermission } from '../permissions';
import type { RunContext } from '../run-context';
import type { ToolOutcome, ToolSet } from '../tools/tool';
import { requestApproval } from './approval';

export interface ToolCallOptions {
  readonly context: RunContext;
  readonly stepId: string;
  readonly call: ToolCallRequest;
  readonly tools: ToolSet;
}

export async function runToolCall(options: ToolCallOptions): Promise<ToolOutcome> {
  const { context, call } = options;
  context.emit({ type: 'tool-call-start', callId: call.id, tool: call.name, arguments: call.arguments, stepId: options.stepId });
  const started = performance.now();
  const outcome = await decideAndExecute(options);
  const durationMs = Math.max(0, performance.now() - started);
  context.emit({ type: 'tool-call-end', callId: call.id, tool: call.name, result: outcome.content, isError: outcome.isError, durationMs });
  return outcome;
}

async function decideAndExecute({ context, call, tools }: ToolCallOptions): Promise<ToolOutcome> {
  const tool = tools.get(call.name);
  if (tool === undefined) {
    return { content: `error: there is no tool "${call.name}" here; the tools you can use are: ${[...tools.keys()].join(', ') || 'none'}`, isError: true };
  }
  switch (decidePermission(context.permissionMode, tool.hasSideEffects(call.arguments))) {
    case 'allow':
      return tool.execute(call.arguments, { signal: context.signal });
    case 'deny':
      return { content: `error: refused: this ${call.name} call could change something outside the run, and the run is in Safe mode, which allows only read-only tool calls. Continue without it.`, isError: true };
    case 'ask':
      if (await requestApproval(context, call)) return tool.execute(call.arguments, { signal: context.signal });
      return { content: `error: the user refused this ${call.name} call. Do not repeat it; continue without it.`, isError: true };
  }
}
