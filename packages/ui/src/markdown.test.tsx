// @vitest-environment happy-dom
// Tests of the Markdown renderer: the blocks and spans models write, and raw HTML or script links kept inert.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { parseInline, parseMarkdown } from './markdown-blocks';

afterEach(cleanup);

describe('parseMarkdown', () => {
  it('reads headings, lists, quotes, fenced code and paragraphs', () => {
    const blocks = parseMarkdown('# Title\n\nSome **bold** text\nnext line\n\n- one\n- two\n1. first\n> quoted\n```py\nprint("<b>")\n```');
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'code']);
    expect(blocks[5]).toEqual({ kind: 'code', language: 'py', text: 'print("<b>")' });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] });
  });

  it('keeps links only for http(s) and mailto', () => {
    expect(parseInline('[ok](https://example.com) and [bad](javascript:alert(1))')).toEqual([
      { kind: 'link', href: 'https://example.com', children: [{ kind: 'text', text: 'ok' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'text', text: '[bad](javascript:alert(1)' },
      { kind: 'text', text: ')' },
    ]);
  });
});

describe('Markdown', () => {
  it('renders raw HTML as text, never as elements', () => {
    const { container } = render(<Markdown text={'<img src=x onerror="alert(1)"> and <script>alert(2)</script> `<b>`'} />);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.querySelector('code')?.textContent).toBe('<b>');
  });

  it('puts its children (the streaming cursor) after the last block', () => {
    const { container } = render(
      <Markdown text={'first\n\n*second*'}>
        <span className="ag-cursor" />
      </Markdown>,
    );
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(container.querySelector('p:last-child .ag-cursor')).not.toBeNull();
    expect(container.querySelector('em')?.textContent).toBe('second');
  });
});
