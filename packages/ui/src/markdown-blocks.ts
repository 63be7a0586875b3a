// A small Markdown reader for model output: blocks (paragraphs, headings, lists, quotes, fenced code)
// and inline spans (code, bold, italic, links). It yields data, never HTML, so raw HTML stays text.
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong' | 'em'; readonly children: ReadonlyArray<Inline> }
  | { readonly kind: 'link'; readonly href: string; readonly children: ReadonlyArray<Inline> };

export type Block =
  | { readonly kind: 'paragraph' | 'quote'; readonly inline: ReadonlyArray<Inline> }
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly inline: ReadonlyArray<Inline> }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<ReadonlyArray<Inline>> }
  | { readonly kind: 'code'; readonly language: string; readonly text: string };

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

export function parseInline(text: string): ReadonlyArray<Inline> {
  const spans: Inline[] = [];
  let rest = text;
  for (let match = INLINE.exec(rest); match !== null; match = INLINE.exec(rest)) {
    if (match.index > 0) spans.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, code, strong, starEm, underEm, label, href] = match;
    if (code !== undefined) spans.push({ kind: 'code', text: code });
    else if (strong !== undefined) spans.push({ kind: 'strong', children: parseInline(strong) });
    else if (starEm !== undefined || underEm !== undefined) spans.push({ kind: 'em', children: parseInline(starEm ?? underEm ?? '') });
    else if (label !== undefined && href !== undefined) spans.push(SAFE_LINK.test(href) ? { kind: 'link', href, children: parseInline(label) } : { kind: 'text', text: whole });
    rest = rest.slice(match.index + whole.length);
  }
  if (rest) spans.push({ kind: 'text', text: rest });
  return spans;
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export function parseMarkdown(source: string): ReadonlyArray<Block> {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = /^\s*```\s*([\w+-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (index += 1; index < lines.length && !/^\s*```/.test(lines[index] ?? ''); index += 1) body.push(lines[index] ?? '');
      blocks.push({ kind: 'code', language: fence[1] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3, inline: parseInline(heading[2] ?? '') });
    } else if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const previous = blocks.at(-1);
      if (previous?.kind === 'list' && previous.ordered === ordered) blocks[blocks.length - 1] = { ...previous, items: [...previous.items, parseInline(item[3] ?? '')] };
      else blocks.push({ kind: 'list', ordered, items: [parseInline(item[3] ?? '')] });
    } else if (line.startsWith('>')) {
      flush();
      blocks.push({ kind: 'quote', inline: parseInline(line.replace(/^>\s?/, '')) });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}
