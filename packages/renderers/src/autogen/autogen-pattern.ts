// What each AutoGen orchestration pattern contributes to a project: its team module, its tests and
// the README paragraph that explains it. All three read the spec's data from prompts.py at run
// time, so they are the same for every spec of a pattern.
import type { ImportTable } from '../shared/python-imports';

export interface AutogenPattern {
  /** src/<pkg>/team.py: `build_team(context)` returning an AutoGen team (or one agent). */
  readonly team: string;
  /** pytest functions appended to tests/test_autogen.py (they use its helpers and INPUTS). */
  readonly tests: string;
  /** What those tests import beyond the common imports of tests/test_autogen.py. */
  readonly testImports: ImportTable;
  /** README Markdown describing how the pattern runs; our own text only. */
  readonly overview: string;
}
