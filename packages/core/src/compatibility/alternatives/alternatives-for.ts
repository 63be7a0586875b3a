// Finds up to three alternatives for a row that is not ok: each one, applied to the selection,
// makes that row ok (or removes it) without adding an error; ordered best first.
import { applyAlternative } from '../apply-alternative';
import type { Finding, SelectionPatch } from '../finding';
import { completePatch } from './complete-patch';
import { FALLBACK_LEVERS, LEVERS, type Lever } from './levers';
import { rowKey, type SearchContext } from './search-context';

const MAX_ALTERNATIVES = 3;

type Scored = { readonly patch: SelectionPatch; readonly score: ReadonlyArray<number> };

function sameRow(row: Finding, target: Finding): boolean {
  return row.category === target.category && (target.category !== 'tool' || row.subject === target.subject);
}

/** Scores a candidate, or rejects it when the row stays broken or a new error appears. */
function score(search: SearchContext, target: Finding, patch: SelectionPatch): Scored | undefined {
  const rows = search.findingsOf(applyAlternative(search.selection, patch));
  const after = rows.find((row) => sameRow(row, target));
  if (after && after.severity !== 'ok') return undefined;
  const errors = rows.filter((row) => row.severity === 'err');
  if (errors.some((row) => !search.errorsBefore.has(rowKey(row)))) return undefined;
  const warnings = rows.filter((row) => row.severity === 'warn').length;
  // Fewest errors left, then the smallest change, then the fewest warnings.
  return { patch, score: [errors.length, Object.keys(patch).length, warnings] };
}

function compareScores(first: Scored, second: Scored): number {
  for (const [index, value] of first.score.entries()) {
    const difference = value - (second.score[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const patchKey = (patch: SelectionPatch): string => JSON.stringify(Object.entries(patch).sort(([first], [second]) => (first < second ? -1 : 1)));

/** Interleaves the levers' ranked lists (best of each lever first), drops duplicates, keeps three. */
function pick(rankedLists: ReadonlyArray<ReadonlyArray<SelectionPatch>>): SelectionPatch[] {
  const picked = new Map<string, SelectionPatch>();
  const longest = Math.max(0, ...rankedLists.map((list) => list.length));
  for (let index = 0; index < longest; index += 1) {
    for (const patch of rankedLists.map((list) => list[index])) {
      if (patch && picked.size < MAX_ALTERNATIVES && !picked.has(patchKey(patch))) picked.set(patchKey(patch), patch);
    }
  }
  return [...picked.values()];
}

export function alternativesFor(search: SearchContext, target: Finding): SelectionPatch[] {
  if (target.severity === 'ok') return [];
  const ranked = (lever: Lever): SelectionPatch[] =>
    lever(search, target)
      .map((candidate) => score(search, target, completePatch(search, target, candidate)))
      .filter((scored): scored is Scored => scored !== undefined)
      .sort(compareScores)
      .map((scored) => scored.patch);
  const found = pick(LEVERS[target.category].map(ranked));
  return found.length > 0 ? found : pick((FALLBACK_LEVERS[target.category] ?? []).map(ranked));
}
