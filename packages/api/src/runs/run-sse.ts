// The SSE fallback of a run's stream: `id:` is the seq, so a reconnect resumes after Last-Event-ID.
import type { RunId } from '@agent-generator/contracts';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env';
import type { RunHub } from './run-hub';

/** Last-Event-ID wins over `?after=`; neither means from the start. */
export function resumePoint(options: { readonly lastEventId: string | undefined; readonly after: number | undefined }): number {
  const fromHeader = options.lastEventId !== undefined && /^\d+$/.test(options.lastEventId.trim()) ? Number(options.lastEventId.trim()) : undefined;
  return fromHeader ?? options.after ?? -1;
}

export function streamRunEvents(context: Context<AppEnv>, options: { readonly hub: RunHub; readonly runId: RunId; readonly afterSeq: number }): Response {
  return streamSSE(context, async (stream) => {
    const controller = new AbortController();
    stream.onAbort(() => controller.abort());
    for await (const stored of options.hub.subscribe(options.runId, { afterSeq: options.afterSeq, signal: controller.signal })) {
      await stream.writeSSE({ id: String(stored.seq), event: 'event', data: JSON.stringify({ type: 'event', runId: options.runId, seq: stored.seq, event: stored.event }) });
    }
  });
}
