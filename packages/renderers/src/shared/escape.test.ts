import { describe, expect, it } from 'vitest';
import { commentText, markdownInline, markdownQuote, pyString, tomlString, yamlString } from './escape';

describe('escaping', () => {
  const hostile = 'a"b\'c\\d\ne\r\tf\u0000g\u2028h${x}`i` """ \'\'\' #j \uD800';

  it('keeps Python literals on one line with every quote escaped', () => {
    const literal = pyString(hostile);
    expect(literal).not.toMatch(/[\n\r\u2028]/);
    expect(literal).toBe('"a\\"b\'c\\\\d\\ne\\r\\tf\\u0000g\\u2028h${x}`i` \\"\\"\\" \'\'\' #j \\ud800"');
  });

  it('produces the same JSON-compatible escapes for YAML and TOML', () => {
    expect(yamlString('x: "y"\n- z')).toBe('"x: \\"y\\"\\n- z"');
    expect(tomlString('[table]\nkey = 1')).toBe('"[table]\\nkey = 1"');
  });

  it('neutralises Markdown structure', () => {
    expect(markdownInline('# Title [link](http://x) <script> `code` &amp;')).toBe(
      '\\# Title \\[link\\]\\(http://x\\) &lt;script\\> \\`code\\` &amp;amp;',
    );
    expect(markdownQuote('one\n# two')).toBe('> one\n> \\# two');
  });

  it('folds comments onto one line', () => {
    expect(commentText('a\nimport os\r\n  b')).toBe('a import os b');
  });
});
