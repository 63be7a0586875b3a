// Claims queued runs and executes them, up to `concurrency` at a time, with a lease it renews;
// Stop reaches a run through the hub's cancel notice (or the store flag, checked on renewal).
import { randomUUID } from 'node:crypto';
import type { RunId, RunRecord, Store } from '@agent-generator/contracts';
import type { ToolsConfig } from '@agent-generator/engine';
import type { Logger } from '../logger';
import { executeRun, WORKER_STOPPED } from './execute-run';
import type { RunHub } from './run-hub';
import { appendToRun } from './run-log';
import type { ResolveRunModel } from './resolve-run-model';
import type { ResolveRunTools } from './resolve-run-tools';
import type { ProjectRuntimeConfig } from './run-project-runtime';

export interface RunExecutorOptions {
  readonly store: Store;
  readonly hub: RunHub;
  readonly resolveModel: ResolveRunModel;
  readonly logger: Logger;
  /** Runs executed at once by this process. */
  readonly concurrency: number;
  readonly workerId?: string;
  readonly leaseMs?: number;
  /** How often the queue is polled besides the queued notices (default 1000 ms). */
  readonly pollMs?: number;
  /** The tools every run gets (tests; the server passes workspaceRoot here). */
  readonly tools?: ToolsConfig;
  /** The stored run tools settings, read for each run and laid over `tools` (they win where both set a field). */
  readonly resolveTools?: ResolveRunTools;
  /** Runs runtime 'project' runs; without it they fail with unsupported_runtime. */
  readonly projectRuntime?: ProjectRuntimeConfig;
}

export class RunExecutor {
  readonly workerId: string;
  readonly #active = new Map<RunId, AbortController>();
  readonly #running = new Set<Promise<void>>();
  readonly #options: RunExecutorOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;
  #claiming: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #housekeepingRunning = false;
  #lastRenewal = 0;

  constructor(options: RunExecutorOptions) {
    this.#options = options;
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
  }

  start(): void {
    this.#unsubscribe = this.#options.hub.onNotice((notice) => {
      if (notice.kind === 'queued') this.kick();
      if (notice.kind === 'cancel') this.#active.get(notice.runId as RunId)?.abort();
    });
    this.#timer = setInterval(() => {
      this.kick();
      void this.#housekeeping();
    }, this.#options.pollMs ?? 1000);
    this.kick();
  }

  /** Claims queued runs while there is room. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#claiming) {
      this.#again = true;
      return;
    }
    this.#claiming = this.#claimLoop()
      .catch((error: unknown) => this.#options.logger.error({ error: String(error) }, 'claiming runs failed'))
      .finally(() => {
        this.#claiming = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /**
   * Claims nothing more, lets in-flight runs finish for up to `graceMs` (leases still renewed), then
   * ends the rest with a `worker_stopped` run-error. Default grace 0: end them at once.
   */
  async stop(options: { readonly graceMs?: number } = {}): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    await this.#claiming;
    if (this.#running.size > 0 && (options.graceMs ?? 0) > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.graceMs)));
      await Promise.race([Promise.allSettled([...this.#running]), deadline]);
      clearTimeout(timer);
    }
    clearInterval(this.#timer);
    for (const controller of this.#active.values()) controller.abort(WORKER_STOPPED);
    await Promise.allSettled([...this.#running]);
  }

  /** Runs this process is executing now. */
  get activeCount(): number {
    return this.#active.size;
  }

  async #claimLoop(): Promise<void> {
    const { store, concurrency } = this.#options;
    while (!this.#stopped && this.#active.size < concurrency) {
      const run = await store.runs.claim({ workerId: this.workerId, leaseUntil: this.#leaseUntil() });
      if (run === undefined) return;
      this.#launch(run);
    }
  }

  #launch(run: RunRecord): void {
    const controller = new AbortController();
    this.#active.set(run.id, controller);
    const { store, hub, resolveModel, logger, projectRuntime } = this.#options;
    logger.info({ runId: run.id, workerId: this.workerId, runtime: run.runtime }, 'run claimed');
    const work = this.#toolsFor(run)
      .then((tools) => executeRun({ store, hub, run, resolveModel, logger, tools, projectRuntime, signal: controller.signal }))
      .catch((error: unknown) => logger.error({ runId: run.id, error: String(error) }, 'a run failed outside the engine'))
      .finally(() => {
        this.#active.delete(run.id);
        this.#running.delete(work);
        this.kick();
      });
    this.#running.add(work);
  }

  /** The static tools with the stored settings laid over them; only the static ones when the settings cannot be read. */
  async #toolsFor(run: RunRecord): Promise<ToolsConfig | undefined> {
    const { resolveTools, tools, store, logger } = this.#options;
    if (resolveTools === undefined) return tools;
    try {
      return { ...tools, ...(await resolveTools({ store, run })) };
    } catch (error) {
      logger.warn({ runId: run.id, error: String(error) }, 'reading the run tools settings failed: the run gets no configured tools');
      return tools;
    }
  }

  /**
   * Renews held leases once a third of the lease has passed (and notices Stop set by a process whose
   * notice was lost); fails runs whose lease ran out. Hundreds of active runs then cost a few
   * queries per second, not two per run per poll.
   */
  async #housekeeping(): Promise<void> {
    if (this.#housekeepingRunning) return;
    this.#housekeepingRunning = true;
    const { store, hub, logger } = this.#options;
    try {
      if (Date.now() - this.#lastRenewal >= (this.#options.leaseMs ?? 30_000) / 3) {
        this.#lastRenewal = Date.now();
        for (const [id, controller] of this.#active) {
          const held = await store.runs.renewLease({ id, workerId: this.workerId, leaseUntil: this.#leaseUntil() });
          if (!held || (await store.runs.get(id))?.cancelRequested === true) controller.abort();
        }
      }
      for (const run of await store.runs.expiredLeases(new Date().toISOString())) {
        if (this.#active.has(run.id)) continue;
        await appendToRun({ store, hub, runId: run.id, drafts: [{ type: 'run-error', code: 'lease_expired', message: 'The worker executing this run stopped responding; start the run again.' }] });
      }
    } catch (error) {
      logger.warn({ error: String(error) }, 'run housekeeping failed');
    } finally {
      this.#housekeepingRunning = false;
    }
  }

  #leaseUntil(): string {
    return new Date(Date.now() + (this.#options.leaseMs ?? 30_000)).toISOString();
  }
}
