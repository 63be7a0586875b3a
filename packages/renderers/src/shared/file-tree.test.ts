import { describe, expect, it } from 'vitest';
import { assertRelativePath, buildFileTree } from './file-tree';

describe('buildFileTree', () => {
  it('accepts clean relative POSIX paths', () => {
    for (const path of ['README.md', '.env.example', 'src/pkg/tools/_http.py', 'src/pkg/config/agents.yaml', 'a b/c.txt']) {
      expect(() => assertRelativePath(path)).not.toThrow();
    }
  });

  it.each(['', '/etc/passwd', '../x', 'a/../b', './a', 'a/./b', 'a//b', 'a/', 'a\\b', 'C:/x', 'a\u0000b', `${'a/'.repeat(130)}b`])(
    'refuses %j',
    (path) => {
      expect(() => assertRelativePath(path)).toThrow(/invalid generated file path/);
    },
  );

  it('merges groups, sorts by path and refuses duplicates', () => {
    const tree = buildFileTree([
      [{ path: 'src/b.py', content: 'b' }, { path: 'README.md', content: 'r' }],
      [{ path: 'src/a.py', content: 'a' }, { path: '.env.example', content: 'e' }],
    ]);
    expect(tree.map((file) => file.path)).toEqual(['.env.example', 'README.md', 'src/a.py', 'src/b.py']);
    expect(() => buildFileTree([[{ path: 'x.py', content: '1' }], [{ path: 'x.py', content: '2' }]])).toThrow('duplicate generated file path "x.py"');
  });
});
