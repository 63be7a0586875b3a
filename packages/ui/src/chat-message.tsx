// One message of a chat thread: a square avatar and a role label above the content, no bubble.
import type { ReactNode } from 'react';

export interface ChatMessageProps {
  readonly role: 'user' | 'assistant' | 'system';
  /** Who speaks: "You", or the agent's name. */
  readonly name: string;
  readonly meta?: ReactNode;
  readonly children: ReactNode;
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function ChatMessage({ role, name, meta, children }: ChatMessageProps) {
  return (
    <article className={`ag-message ag-message--${role}`} aria-label={`${name} says`}>
      <span className="ag-message__avatar" aria-hidden="true">
        {initials(name)}
      </span>
      <div className="ag-message__body">
        <header className="ag-message__head">
          <span className="ag-message__name">{name}</span>
          {meta && <span className="ag-muted ag-message__meta">{meta}</span>}
        </header>
        {children}
      </div>
    </article>
  );
}
