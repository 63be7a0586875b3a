import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines';

const lines = (count: number, label = 'line') => Array.from({ length: count }, (_, index) => `${label} ${index + 1}`);

describe('diffLines', () => {
  it('answers no hunks for texts with the same lines', () => {
    expect(diffLines('a\nb\n', 'a\nb\n')).toEqual({ patch: '', additions: 0, deletions: 0 });
  });

  it('shows a changed line with three lines of context on each side', () => {
    const before = lines(10);
    const after = [...before];
    after[4] = 'changed';
    const { patch, additions, deletions } = diffLines(`${before.join('\n')}\n`, `${after.join('\n')}\n`);
    expect({ additions, deletions }).toEqual({ additions: 1, deletions: 1 });
    expect(patch).toBe(['@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+changed', ' line 6', ' line 7', ' line 8', ''].join('\n'));
  });

  it('keeps distant changes in separate hunks and merges near ones', () => {
    const before = lines(30);
    const after = [...before];
    after[1] = 'first';
    after[25] = 'second';
    const { patch } = diffLines(before.join('\n'), after.join('\n'));
    expect(patch.match(/^@@/gm)).toHaveLength(2);
    after[6] = 'near the first';
    expect(diffLines(before.join('\n'), after.join('\n')).patch.match(/^@@/gm)).toHaveLength(2);
  });

  it('describes a file added from nothing and removed to nothing', () => {
    expect(diffLines('', 'x\ny\n').patch).toBe('@@ -0,0 +1,2 @@\n+x\n+y\n');
    expect(diffLines('x\ny\n', '').patch).toBe('@@ -1,2 +0,0 @@\n-x\n-y\n');
  });

  it('finds the longest common subsequence for insertions in the middle', () => {
    const { additions, deletions } = diffLines('a\nb\nc\nd\n', 'a\nb\nx\nc\ny\nd\n');
    expect({ additions, deletions }).toEqual({ additions: 2, deletions: 0 });
  });

  it('reports huge rewrites as replaced instead of running out of memory', () => {
    const before = lines(3000, 'old');
    const after = lines(3000, 'new');
    const { additions, deletions } = diffLines(before.join('\n'), after.join('\n'));
    expect({ additions, deletions }).toEqual({ additions: 3000, deletions: 3000 });
  });
});
