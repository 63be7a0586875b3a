// The runs feature's service for one app: built once from AppServices, shared by the runs and chat routes.
import type { AppServices } from '../app-services';
import { RunHub } from './run-hub';
import { RunsService } from './runs.service';

const built = new WeakMap<AppServices, RunsService>();

/** Without a hub from the composition root, runs are stored and streamed but executed by nobody here. */
export function runsOf(services: AppServices): RunsService {
  const existing = built.get(services);
  if (existing) return existing;
  const hub = services.deps.runs?.hub ?? new RunHub({ store: services.store });
  const service = new RunsService({ store: services.store, hub });
  built.set(services, service);
  return service;
}
