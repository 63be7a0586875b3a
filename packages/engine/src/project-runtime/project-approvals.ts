// Ask mode for a project run: each approval-request the project prints waits for the person's answer
// (refused when the time runs out or the run is not in Ask mode), which is relayed as approval-response
// and written to the project's stdin as one JSON line.
import type { RunEvent } from '@agent-generator/contracts';
import type { Approvals } from '../approvals';
import type { PermissionMode } from '../run-options';
import type { RelayChannel } from './relay-channel';

export interface ProjectApprovalsOptions {
  readonly channel: RelayChannel;
  readonly runId: string;
  readonly permissionMode: PermissionMode;
  readonly approvals: Approvals | undefined;
  readonly timeoutMs: number;
  /** Aborted when the run ends: waiting requests are dropped, nothing more is written. */
  readonly signal: AbortSignal;
  readonly now: () => Date;
  /** Hands one answer line to the project. */
  readonly writeLine: (line: string) => void;
}

/** Returns the handler for every relayed event; it answers approval requests and ignores the rest. */
export function projectApprovals(options: ProjectApprovalsOptions): (event: RunEvent) => void {
  const settle = (callId: string, approved: boolean): void => {
    if (options.signal.aborted || options.channel.finished) return;
    // Relayed before the project hears it, so the answer precedes the call's end in the stream.
    options.channel.relay({ type: 'approval-response', callId, approved, runId: options.runId, seq: 0, at: options.now().toISOString() });
    options.writeLine(JSON.stringify({ callId, approved }));
  };
  return (event) => {
    if (event.type !== 'approval-request') return;
    // Outside Ask mode nobody is asked: refused at once, before the project's next line is relayed.
    if (options.permissionMode !== 'ask' || options.approvals === undefined) return settle(event.callId, false);
    options.approvals.waitFor(event.callId, { signal: options.signal, timeoutMs: options.timeoutMs }).then(
      (approved) => settle(event.callId, approved),
      () => undefined, // the run ended while the request waited; the project is being stopped
    );
  };
}
