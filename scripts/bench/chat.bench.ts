// Chat benchmark (`npm run bench chat`): N chat sessions (AG_BENCH_SESSIONS, default 500) each send
// one message at once over their WebSocket; the loopback model (in this process, so its send stamps
// share our clock) streams 200 tokens per reply with a fixed gap. Per token we measure the latency
// the server adds (client receipt − loopback write), per session the time to first token, and we
// count dropped, reordered and duplicated tokens and run-event seq faults; the server runs as its
// own process so its RSS and CPU are read from /proc. Baseline in the same run: the same streams
// straight from the loopback to N SSE clients. Nothing here fails on time.
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLoopbackModelServer, type ParsedChatRequest } from '@agent-generator/testing';
import { openChatSocket, type ChatSocketClient } from './support/chat-socket-client';
import { seedChat } from './support/chat-seed';
import { streamDirect } from './support/direct-sse-client';
import { adminToken, buildServerBundle, cpuSplit, rssMegabytes, startServerProcess, stopServerProcess } from './support/server-process';
import { newTrace, waitForAll, type StreamTrace } from './support/stream-trace';
import { replyWords, summarize, type TraceSummary } from './support/trace-summary';
import { percentile, printTable } from './stats';

const ROOT = process.cwd();
const SESSIONS = Number(process.env.AG_BENCH_SESSIONS ?? 500);
// AG_BENCH_TOKENS=1 measures start-up alone: a burst of messages, each answered by one token.
const TOKENS = Number(process.env.AG_BENCH_TOKENS ?? 200);
// 20 ms between tokens is 50 tokens/s per session, the pace of a typical hosted model; 500 sessions
// then offer 25,000 tokens/s. AG_BENCH_GAP_MS=5 asks for 200 tokens/s per session.
const GAP_MS = Number(process.env.AG_BENCH_GAP_MS ?? 20);
// The server accepts RUN_WORKERS up to 1024; fewer workers queue the remaining messages.
const RUN_WORKERS = process.env.AG_BENCH_RUN_WORKERS ?? String(Math.min(SESSIONS, 1024));
const TIMEOUT_MS = Number(process.env.AG_BENCH_TIMEOUT_MS ?? 300_000);
const CPU_PROFILE_DIR = process.env.AG_BENCH_CPU_PROF;
// Extra flags for the server's node (AG_BENCH_NODE_ARGS="--max-semi-space-size=32"), to compare settings.
const NODE_ARGS = (process.env.AG_BENCH_NODE_ARGS ?? '').split(' ').filter((flag) => flag !== '');
const API_KEY = 'sk-chat-bench-loopback-key';
const BUNDLE_DIR = 'apps/server/dist/bench-chat';

const tagOf = (kind: 'w' | 'd') => (session: number) => `${kind}${session}`;
const range = (count: number): ReadonlyArray<number> => Array.from({ length: count }, (_, index) => index);

/** The message names the session (`bench-w-17`); the reply's words carry that tag so each token is unique. */
function replyFor(request: ParsedChatRequest): { text: string; chunkDelayMs: number } {
  const match = /bench-([wdx])-(\d+)/.exec(JSON.stringify(request.messages));
  if (match === null) throw new Error('the request names no bench session');
  return { text: replyWords(`${match[1] ?? ''}${match[2] ?? ''}`, TOKENS).join(''), chunkDelayMs: GAP_MS };
}

function contentOf(chunk: Readonly<Record<string, unknown>>): string | undefined {
  const content = (chunk.choices as ReadonlyArray<{ delta?: { content?: unknown } }> | undefined)?.[0]?.delta?.content;
  return typeof content === 'string' && content !== '' ? content : undefined;
}

/** Runs one phase with an event-loop delay monitor on this process (clients and loopback share it). */
async function timed(work: () => Promise<boolean>): Promise<{ finished: boolean; wallMs: number; loopP99Ms: number; benchCpuMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const finished = await work();
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  return { finished, wallMs: performance.now() - began, loopP99Ms: loop.percentile(99) / 1e6, benchCpuMs: (cpu.user + cpu.system) / 1000 };
}

function row(name: string, summary: TraceSummary, phase: { wallMs: number; loopP99Ms: number; benchCpuMs: number }): Record<string, string | number> {
  const p = (values: ReadonlyArray<number>, at: number) => (values.length === 0 ? Number.NaN : percentile(values, at));
  return {
    path: name,
    'complete/sessions': `${summary.complete}/${summary.sessions}`,
    'TTFT p50 ms': p(summary.ttft, 50),
    'TTFT p99 ms': p(summary.ttft, 99),
    'added/token p50 ms': p(summary.added, 50),
    'added/token p99 ms': p(summary.added, 99),
    'added 1st/last tok p50 ms': `${p(summary.addedFirst, 50).toFixed(0)}/${p(summary.addedLast, 50).toFixed(0)}`,
    'loopback gap p50 ms': p(summary.loopbackGap, 50),
    'tokens recv/expected': `${summary.tokensReceived}/${summary.tokensExpected}`,
    'tokens/event': summary.deltaEvents === 0 ? '—' : (summary.tokensReceived / summary.deltaEvents).toFixed(2),
    dropped: String(summary.tokensMissing),
    'reord/dup/unknown': `${summary.tokensReordered}/${summary.tokensDuplicated}/${summary.tokensUnknown}`,
    'seq gap/dup/reord': `${summary.seqGaps}/${summary.seqDuplicates}/${summary.seqReorders}`,
    'wall s': phase.wallMs / 1000,
    'bench loop p99 ms': phase.loopP99Ms,
    // This process is the load: the loopback model's writes and the clients' reads.
    'bench CPU cores': phase.benchCpuMs / phase.wallMs,
  };
}

/** The server's own event-loop delay p99 since the last scrape, from its Prometheus metrics. */
async function serverLoopP99Ms(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('agent_generator_nodejs_eventloop_lag_p99_seconds '));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]) * 1000;
}

async function throughServer(model: { url: string }, traces: ReadonlyArray<StreamTrace>) {
  const bundle = buildServerBundle({ root: ROOT, outDir: BUNDLE_DIR });
  const nodeArgs = [...NODE_ARGS, ...(CPU_PROFILE_DIR === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', CPU_PROFILE_DIR])];
  const server = await startServerProcess({ bundle, env: { RUN_WORKERS, LOG_LEVEL: 'info' }, nodeArgs });
  try {
    const token = await adminToken(server.url);
    const seed = await seedChat({ url: server.url, token, model: { url: model.url, apiKey: API_KEY }, sessions: SESSIONS + 1 });
    // One unmeasured message first, so lazy module loading and JIT warm-up are not counted.
    const warmUp = await openChatSocket({ url: server.url, token, sessionId: seed.sessionIds[SESSIONS] ?? '', trace: newTrace(0) });
    warmUp.send('bench-x-0');
    await warmUp.done;
    warmUp.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleRss = rssMegabytes(server.pid);
    const sockets: ChatSocketClient[] = await Promise.all(traces.map((trace, index) => openChatSocket({ url: server.url, token, sessionId: seed.sessionIds[index] ?? '', trace })));
    const openRss = rssMegabytes(server.pid);
    let peakRss = openRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMegabytes(server.pid))), 100);
    await serverLoopP99Ms(server.url); // prom-client resets its event-loop histogram on every scrape
    const cpuBefore = cpuSplit(server.pid);
    const phase = await timed(async () => {
      for (const [index, socket] of sockets.entries()) socket.send(`bench-w-${index}`);
      return waitForAll({ done: sockets.map((socket) => socket.done), timeoutMs: TIMEOUT_MS });
    });
    clearInterval(sampler);
    const loopP99Ms = await serverLoopP99Ms(server.url);
    const cpuAfter = cpuSplit(server.pid);
    const systemMs = (cpuAfter.system - cpuBefore.system) * 1000;
    const cpuMs = (cpuAfter.user - cpuBefore.user) * 1000 + systemMs;
    const doneRss = rssMegabytes(server.pid);
    for (const socket of sockets) socket.close();
    return { phase, seed, memory: { idleRss, openRss, peakRss, doneRss }, cpuMs, systemMs, loopP99Ms };
  } finally {
    await stopServerProcess(server);
    rmSync(join(ROOT, BUNDLE_DIR), { recursive: true, force: true });
  }
}

export default async function chatBench(): Promise<void> {
  const sentAt = new Map<string, number>();
  const model = await createLoopbackModelServer({
    apiKey: API_KEY,
    respond: replyFor,
    onChunk: ({ chunk, time }) => {
      const content = contentOf(chunk);
      if (content !== undefined) sentAt.set(content, time);
    },
  });
  try {
    const directTraces = range(SESSIONS).map(newTrace);
    const direct = await timed(() =>
      waitForAll({ done: directTraces.map((trace) => streamDirect({ url: model.url, apiKey: API_KEY, text: `bench-d-${trace.session}`, trace })), timeoutMs: TIMEOUT_MS }),
    );
    const directSummary = summarize({ traces: directTraces, tagOf: tagOf('d'), tokens: TOKENS, sentAt });
    const modelCallsBefore = model.requests.length;

    const serverTraces = range(SESSIONS).map(newTrace);
    const served = await throughServer(model, serverTraces);
    const serverSummary = summarize({ traces: serverTraces, tagOf: tagOf('w'), tokens: TOKENS, sentAt });

    printTable([row('direct SSE from the loopback (baseline)', directSummary, direct), row('server: chat WebSocket', serverSummary, served.phase)]);
    const ratio = (at: number) => percentile(serverSummary.added, at) / percentile(directSummary.added, at);
    console.log(`\nadded latency per token, server ÷ direct: p50 ${ratio(50).toFixed(1)}×, p99 ${ratio(99).toFixed(1)}× (target: server p99 < 10 ms per token)`);
    const { memory } = served;
    console.log(
      `server RSS: idle ${memory.idleRss.toFixed(1)} MB, ${SESSIONS} sockets open ${memory.openRss.toFixed(1)} MB, peak while streaming ${memory.peakRss.toFixed(1)} MB, after ${memory.doneRss.toFixed(1)} MB;` +
        ` per session ${(((memory.peakRss - memory.idleRss) * 1024) / SESSIONS).toFixed(0)} kB at peak, ${(((memory.openRss - memory.idleRss) * 1024) / SESSIONS).toFixed(0)} kB per open socket`,
    );
    console.log(
      `server CPU while streaming: ${(served.cpuMs / 1000).toFixed(1)} s (${((100 * served.systemMs) / Math.max(1, served.cpuMs)).toFixed(0)}% in the kernel), ${(served.cpuMs / served.phase.wallMs).toFixed(2)} cores, ${(served.cpuMs / Math.max(1, serverSummary.tokensReceived)).toFixed(3)} ms per token delivered;` +
        ` server event-loop delay p99 ${served.loopP99Ms.toFixed(1)} ms; this process (loopback model and clients) ${(served.phase.benchCpuMs / served.phase.wallMs).toFixed(2)} cores, ${availableParallelism()} cores in all`,
    );
    console.log(`model calls through the server: ${model.requests.length - modelCallsBefore} for ${SESSIONS} messages + 1 warm-up (project pattern ${served.seed.pattern}, ${served.seed.agents} agent(s)); RUN_WORKERS=${RUN_WORKERS}`);
    for (const [name, summary] of [['direct', directSummary], ['server', serverSummary]] as const) {
      for (const [error, count] of summary.errors) console.log(`${name}: ${count} session(s) ended with: ${error}`);
    }
    if (model.failures.length > 0) console.log(`loopback failures: ${model.failures.slice(0, 3).join(' | ')}`);
    console.log(`\n${SESSIONS} sessions × ${TOKENS} tokens, ${GAP_MS} ms between tokens, server process on SQLite in a temp dir, token auth; load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  } finally {
    await model.close();
  }
}
