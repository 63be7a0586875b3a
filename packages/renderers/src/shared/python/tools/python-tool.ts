// The shape of one generated tool: its Python module, dependencies, env examples and offline tests.
import type { ToolId } from '@agent-generator/contracts';

/** Helper modules a tool imports from its own package (`tools/_http.py`, `tools/_workspace.py`). */
export type PythonToolHelper = 'http' | 'workspace';

export interface PythonTool {
  readonly id: ToolId;
  /** The whole `tools/<id>.py`; `description` (the catalog's, safe inside a docstring) opens the docstring. */
  readonly source: (description: string) => string;
  /** Extra runtime requirements (pinned ranges) this tool needs beyond the stdlib. */
  readonly dependencies: ReadonlyArray<string>;
  readonly helpers: ReadonlyArray<PythonToolHelper>;
  /** Non-secret example value per environment variable the tool reads (secrets: empty string). */
  readonly envExamples: Readonly<Record<string, string>>;
  /** pytest functions for `tests/test_tools.py`; they may use the fixtures that file defines. */
  readonly tests: string;
}
