// Renders Markdown from models as React elements (text is escaped by React; no HTML is ever injected).
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from './markdown-blocks';

function spans(inline: ReadonlyArray<Inline>): ReactNode {
  return inline.map((span, index) => {
    switch (span.kind) {
      case 'text':
        return <Fragment key={index}>{span.text}</Fragment>;
      case 'code':
        return <code key={index}>{span.text}</code>;
      case 'strong':
        return <strong key={index}>{spans(span.children)}</strong>;
      case 'em':
        return <em key={index}>{spans(span.children)}</em>;
      case 'link':
        return (
          <a key={index} href={span.href} target="_blank" rel="noopener noreferrer nofollow">
            {spans(span.children)}
          </a>
        );
    }
  });
}

export function Markdown({ text, children }: { readonly text: string; readonly children?: ReactNode }) {
  const blocks = parseMarkdown(text);
  return (
    <div className="ag-markdown">
      {blocks.map((block, index) => {
        const trailing = index === blocks.length - 1 ? children : null;
        switch (block.kind) {
          case 'paragraph':
            return <p key={index}>{spans(block.inline)}{trailing}</p>;
          case 'quote':
            return <blockquote key={index}>{spans(block.inline)}{trailing}</blockquote>;
          case 'heading': {
            const Heading = `h${block.level + 2}` as 'h3' | 'h4' | 'h5';
            return <Heading key={index}>{spans(block.inline)}{trailing}</Heading>;
          }
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, position) => (
                  <li key={position}>{spans(item)}{position === block.items.length - 1 ? trailing : null}</li>
                ))}
              </List>
            );
          }
          case 'code':
            return (
              <pre key={index} className="ag-code" data-language={block.language || undefined}>
                <code>{block.text}</code>
                {trailing}
              </pre>
            );
        }
      })}
      {blocks.length === 0 && children}
    </div>
  );
}
