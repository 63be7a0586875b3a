// The composer pinned under the thread: message, attach a text file, the tools for the message, model
// picker, Send or Stop, ⌘↵.
import { useEffect, useRef, useState } from 'react';
import { isMac } from '../../app/use-shortcuts';
import { chatActions } from './chat-actions';
import { ComposerTools } from './composer-tools';
import type { ModelOption } from './use-test-data';
import { enabledTools, useToolChoice } from './use-tool-choice';

export interface ComposerProps {
  readonly disabled: boolean;
  readonly streaming: boolean;
  readonly models: ReadonlyArray<ModelOption> | undefined;
  readonly model: string;
  readonly onModel: (value: string) => void;
  /** The tool ids the agent's spec uses; the person may turn some off for the session's messages. */
  readonly tools: ReadonlyArray<string>;
  /** Why the tools cannot be chosen now (shown as the Tools button's title), if they cannot. */
  readonly toolsUnavailable?: string | undefined;
  /** The open chat session (its tool choice is kept under it) and the picked agent. */
  readonly sessionId: string | undefined;
  readonly agentId: string | undefined;
  /** `tools`: the enabled ones when some are off, else undefined (every tool of the spec). */
  readonly onSend: (text: string, tools: ReadonlyArray<string> | undefined) => Promise<void>;
  readonly onStop: () => void;
}

const TEXT_FILE = /^(text\/|application\/(json|xml|yaml|x-yaml|toml|javascript|x-sh))/;
const TEXT_NAME = /\.(txt|md|csv|json|ya?ml|toml|xml|py|ts|js|sql|log|ini|sh)$/i;

export function Composer(props: ComposerProps) {
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const toolChoice = useToolChoice({ sessionId: props.sessionId, agentId: props.agentId });
  const canSend = !props.disabled && !props.streaming && text.trim() !== '';

  const send = () => {
    if (!canSend) return;
    const message = text;
    setText('');
    setNotice(undefined);
    props.onSend(message, enabledTools(props.tools, toolChoice.off)).catch((error: unknown) => {
      setText(message);
      setNotice(error instanceof Error ? error.message : 'The message was not sent.');
    });
  };
  const latest = useRef({ send, stop: props.onStop });
  latest.current = { send, stop: props.onStop };
  useEffect(() => chatActions.register({ send: () => latest.current.send(), stop: () => latest.current.stop() }), []);

  const attach = async (file: File) => {
    if (!TEXT_FILE.test(file.type) && !TEXT_NAME.test(file.name)) {
      setNotice(`${file.name} is not a text file: only text files can be attached for now (their content is added to the message).`);
      return;
    }
    const content = await file.text();
    setText((current) => `${current}${current ? '\n\n' : ''}${file.name}:\n\`\`\`\n${content}\n\`\`\``);
    setNotice(`${file.name} added to the message.`);
  };

  return (
    <form
      className="ag-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label className="ag-visually-hidden" htmlFor="ag-composer-text">
        Message
      </label>
      <textarea id="ag-composer-text" className="ag-input ag-composer__input" rows={3} placeholder={props.disabled ? 'Pick an agent first (⌘P)' : 'Message the agent…'} value={text} disabled={props.disabled} onChange={(event) => setText(event.target.value)} />
      {notice && (
        <p className="ag-muted ag-composer__notice" role="status">
          {notice}
        </p>
      )}
      <div className="ag-row ag-composer__bar">
        <button type="button" className="ag-button ag-button--small ag-button--ghost" disabled={props.disabled} onClick={() => fileInput.current?.click()}>
          Attach
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Attach a file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void attach(file);
            event.target.value = '';
          }}
        />
        <ComposerTools tools={props.tools} off={toolChoice.off} onChange={toolChoice.setOff} disabled={props.disabled} unavailableReason={props.toolsUnavailable} />
        <label className="ag-composer__model">
          <span className="ag-visually-hidden">Model</span>
          <select className="ag-input" value={props.model} onChange={(event) => props.onModel(event.target.value)} aria-label="Model">
            <option value="">Model: as the project says (else the default)</option>
            {(props.models ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <span className="ag-spacer" />
        <span className="ag-muted ag-composer__hint">{isMac ? '⌘↵' : 'Ctrl+Enter'} to send</span>
        {props.streaming ? (
          <button type="button" className="ag-button ag-button--danger" onClick={props.onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" className="ag-button ag-button--primary" disabled={!canSend}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
