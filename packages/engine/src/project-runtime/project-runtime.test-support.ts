// Test helpers for the project runtime: the shared venv cache, tiny hand-written projects, and
// a run collected with every event checked against RunEventSchema and the protocol's order rules.
import { RunEventSchema, type FileTree, type RunEvent } from '@agent-generator/contracts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The venv cache the integration tests use (tests/integration/support/python-venv.ts, cacheRoot()). */
export function testVenvCacheDir(): string {
  const root = process.env.AGENT_GENERATOR_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'agent-generator');
  return join(root, 'venvs');
}

/** A project without dependencies whose `python -m tiny run --events -- TEXT` runs `body` (Python, with `emit`, `text` and `args` defined). */
export function tinyProject(body: string): FileTree {
  const main = `import json, os, sys, time

args = sys.argv[1:]
text = args[-1]


def emit(event_type, **fields):
    sys.stdout.write(json.dumps({"type": event_type, "runId": "their-run", "seq": 99, "at": "2020-01-01T00:00:00Z", **fields}) + "\\n")
    sys.stdout.flush()


${body}
`;
  return [
    { path: 'pyproject.toml', content: '[project]\nname = "tiny"\nversion = "0.1.0"\ndependencies = []\n' },
    { path: 'src/tiny/__init__.py', content: '' },
    { path: 'src/tiny/__main__.py', content: main },
    { path: 'src/tiny/events.py', content: 'PROJECT = "tiny"\nFRAMEWORK = "react"\nPATTERN = "react"\n' },
  ];
}

/** Collects a run; checks the schema, run id, gap-free seq, run-start first and exactly one final event, last. */
export async function collectEvents(events: AsyncIterable<RunEvent>, options: { runId: string; onEvent?: (event: RunEvent) => void }): Promise<RunEvent[]> {
  const collected: RunEvent[] = [];
  for await (const event of events) {
    collected.push(RunEventSchema.parse(event));
    options.onEvent?.(event);
  }
  expect(collected.map((event) => event.seq)).toEqual(collected.map((_, index) => index));
  expect(new Set(collected.map((event) => event.runId))).toEqual(new Set([options.runId]));
  expect(collected[0]?.type).toBe('run-start');
  const finals = collected.filter((event) => event.type === 'run-end' || event.type === 'run-error');
  expect(finals).toHaveLength(1);
  expect(collected.at(-1)).toBe(finals[0]);
  return collected;
}

export function lastEvent(events: ReadonlyArray<RunEvent>): RunEvent {
  const last = events.at(-1);
  if (last === undefined) throw new Error('the run yielded no events');
  return last;
}

/** A project without dependencies with the real generated events.py and tools (calculator, file_write) under src/tiny; `body` runs in its `work(text)` (Python, with `events`, `TOOLS`, `json`, `os`, `threading`). */
export function tinyToolsProject(rendered: FileTree, body: string): FileTree {
  const prefix = 'src/paper_digest/';
  const shared = rendered.filter((file) => file.path === `${prefix}events.py` || file.path.startsWith(`${prefix}tools/`)).map((file) => ({ path: `src/tiny/${file.path.slice(prefix.length)}`, content: file.content }));
  const main = `import json, os, sys, threading

from . import events
from .tools import TOOLS


def work(text):
${body.replace(/^/gm, '    ')}


with events.jsonl_destination() as (sink, _):
    print(events.traced_run(lambda inputs: work(inputs["topic"]), {"topic": sys.argv[-1]}, [sink]))
`;
  return [{ path: 'pyproject.toml', content: '[project]\nname = "tiny"\nversion = "0.1.0"\ndependencies = []\n' }, { path: 'src/tiny/__init__.py', content: '' }, { path: 'src/tiny/__main__.py', content: main }, ...shared];
}
