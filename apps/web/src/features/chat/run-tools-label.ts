// The tools of an agent's spec (or of the spec a run used), and "a, b (c off)" for a run whose person turned some of them off.
import type { ProjectSpec, RunEvent } from '@agent-generator/contracts';

/** The tools of a spec: the union over its agents' tools, in the order they first appear. */
export function specTools(spec: ProjectSpec | undefined): ReadonlyArray<string> {
  return [...new Set((spec?.agents ?? []).flatMap((agent) => agent.tools))];
}

/** The tools the run's spec offered, as its run-start names them; undefined for runs recorded before run-start said so. */
export function runStartTools(events: ReadonlyArray<RunEvent>): ReadonlyArray<string> | undefined {
  const start = events.find((event) => event.type === 'run-start');
  return start?.type === 'run-start' ? start.tools : undefined;
}

/**
 * The run's enabled tools of the spec, with the spec's others marked off; undefined when the run
 * offered every tool (`runTools` null, or every spec tool enabled). Names the spec does not use are left out.
 */
export function runToolsLabel(spec: ReadonlyArray<string> | undefined, runTools: ReadonlyArray<string> | null | undefined): string | undefined {
  if (runTools === null || runTools === undefined) return undefined;
  if (spec === undefined || spec.length === 0) return runTools.length === 0 ? 'none' : runTools.join(', ');
  const enabled = spec.filter((tool) => runTools.includes(tool));
  const off = spec.filter((tool) => !runTools.includes(tool));
  if (off.length === 0) return undefined;
  return `${enabled.length === 0 ? 'none' : enabled.join(', ')} (${off.join(', ')} off)`;
}
