// What each Strands orchestration pattern contributes to a project: its team module, its tests and
// the README paragraph that explains it. All three read the spec's data from prompts.py at run
// time, so they are the same for every spec of a pattern.
import type { ImportTable } from '../shared/python-imports';

export interface StrandsPattern {
  /** src/<pkg>/team.py: `run_team(context) -> TeamResult`. */
  readonly team: string;
  /** pytest functions appended to tests/test_strands.py (they use its helpers and INPUTS). */
  readonly tests: string;
  /** What those tests import beyond the common imports of tests/test_strands.py. */
  readonly testImports: ImportTable;
  /** README Markdown describing how the pattern runs; our own text only. */
  readonly overview: string;
}
