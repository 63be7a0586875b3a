// Labelled form controls: a text input, a multi-line text area and a select, each with hint and error.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}

function Frame({ id, frame, children }: { readonly id: string; readonly frame: FieldFrame; readonly children: ReactNode }) {
  return (
    <div className="ag-field">
      <label className="ag-field__label" htmlFor={id}>
        {frame.label}
      </label>
      {children}
      {frame.hint !== undefined && (
        <span className="ag-field__hint" id={`${id}-hint`}>
          {frame.hint}
        </span>
      )}
      {frame.error && (
        <span className="ag-field__error" role="alert">
          {frame.error}
        </span>
      )}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error }}>
      <input id={id} className="ag-input" aria-invalid={error ? true : undefined} aria-describedby={hint !== undefined ? `${id}-hint` : undefined} {...input} />
    </Frame>
  );
}

export function TextArea({ label, hint, error, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error }}>
      <textarea id={id} className="ag-input" aria-invalid={error ? true : undefined} aria-describedby={hint !== undefined ? `${id}-hint` : undefined} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, children, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error }}>
      <select id={id} className="ag-input" aria-describedby={hint !== undefined ? `${id}-hint` : undefined} {...select}>
        {children}
      </select>
    </Frame>
  );
}
