// The composer's Tools control: a button ("Tools 2/3" when some are off) opening the checklist of the
// agent's tools, each with its catalog description. Enter/Space opens, arrows move, Space toggles,
// Esc closes and returns focus to the button; focus leaving the control closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface ComposerToolsProps {
  /** The tool ids the agent's spec uses. */
  readonly tools: ReadonlyArray<string>;
  readonly off: ReadonlyArray<string>;
  readonly onChange: (off: ReadonlyArray<string>) => void;
  readonly disabled: boolean;
  /** Set when tools cannot be chosen for a reason worth telling (the button's title). */
  readonly unavailableReason?: string | undefined;
}

/** The catalog's tool descriptions, loaded the first time the list opens (the catalog is its own chunk). */
function useToolDescriptions(wanted: boolean): ReadonlyMap<string, string> | undefined {
  const [descriptions, setDescriptions] = useState<ReadonlyMap<string, string> | undefined>(undefined);
  useEffect(() => {
    if (!wanted || descriptions !== undefined) return;
    let live = true;
    import('@agent-generator/core').then(
      ({ catalog }) => live && setDescriptions(new Map(catalog.tools.map((tool) => [tool.id, tool.description]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, descriptions]);
  return descriptions;
}

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export function ComposerTools({ tools, off, onChange, disabled, unavailableReason }: ComposerToolsProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const descriptions = useToolDescriptions(open);
  const unavailable = disabled || tools.length === 0 || unavailableReason !== undefined;
  const on = tools.filter((tool) => !off.includes(tool)).length;

  useEffect(() => {
    if (unavailable) setOpen(false);
  }, [unavailable]);
  useEffect(() => {
    if (open) panel.current?.querySelector('input')?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    const move = MOVES[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const all = [...(panel.current?.querySelectorAll('input') ?? [])];
    const index = all.findIndex((box) => box === document.activeElement);
    all[index === -1 ? 0 : move(index, all.length)]?.focus();
  };
  const toggle = (tool: string, checked: boolean) => onChange(checked ? off.filter((name) => name !== tool) : [...off, tool]);

  return (
    <div
      className="ag-composer-tools"
      onBlur={(event) => {
        // Focus leaving the button and the list closes it (Tab away, a click elsewhere).
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
      onKeyDown={onKeyDown}
    >
      <button
        ref={button}
        type="button"
        className="ag-button ag-button--small ag-button--ghost"
        disabled={unavailable}
        title={disabled ? undefined : (unavailableReason ?? (tools.length === 0 ? 'This agent has no tools' : 'Choose the tools the agent may use'))}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {on === tools.length ? 'Tools' : `Tools ${on}/${tools.length}`}
      </button>
      <div id={panelId} ref={panel} role="group" aria-label="Tools the agent may use" className="ag-composer-tools__panel" hidden={!open} tabIndex={-1}>
        <ul className="ag-composer-tools__list">
          {tools.map((tool) => (
            <li key={tool}>
              <label className="ag-composer-tools__item">
                <input type="checkbox" checked={!off.includes(tool)} onChange={(event) => toggle(tool, event.target.checked)} />
                <span>
                  <code>{tool}</code>
                  {descriptions?.get(tool) !== undefined && <span className="ag-muted ag-composer-tools__description">{descriptions.get(tool)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
