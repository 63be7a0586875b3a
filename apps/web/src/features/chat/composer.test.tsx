// @vitest-environment happy-dom
// Tests of the composer: a text file's content is added to the message, other files are refused
// plainly, ⌘↵ / Ctrl+Enter (through the command's chat actions) sends, Stop replaces Send while
// streaming, and the Tools control: the count, what a message sends, keyboard use, the per-session choice.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatActions } from './chat-actions';
import { Composer, type ComposerProps } from './composer';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const TOOLS = ['calculator', 'web_search', 'file_write'];

function setup(overrides: Partial<ComposerProps> = {}) {
  const props: ComposerProps = { disabled: false, streaming: false, models: [], model: '', onModel: vi.fn(), tools: [], sessionId: undefined, agentId: 'agent-1', onSend: vi.fn(() => Promise.resolve()), onStop: vi.fn(), ...overrides };
  const view = render(<Composer {...props} />);
  return { props, rerender: (next: Partial<ComposerProps>) => view.rerender(<Composer {...props} {...next} />) };
}

async function sendText(text: string) {
  fireEvent.change(screen.getByLabelText('Message'), { target: { value: text } });
  await act(async () => chatActions.send());
}

const toolsButton = () => screen.getByRole('button', { name: /^Tools/ });
const box = (tool: string) => screen.getByRole('checkbox', { name: new RegExp(`^${tool}`) });

describe('Composer', () => {
  it('adds a text file to the message and refuses other files with a plain sentence', async () => {
    setup();
    const input = screen.getByLabelText('Attach a file');
    fireEvent.change(input, { target: { files: [new File(['a,b\n1,2'], 'data.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toContain('data.csv:\n```\na,b\n1,2\n```'));
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1, 2])], 'photo.png', { type: 'image/png' })] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('photo.png is not a text file'));
  });

  it('sends through the registered chat action and clears the box', async () => {
    const { props } = setup();
    await sendText('hello agent');
    expect(props.onSend).toHaveBeenCalledWith('hello agent', undefined);
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows Stop instead of Send while an answer streams', () => {
    const { props } = setup({ streaming: true });
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    act(() => chatActions.stop());
    expect(props.onStop).toHaveBeenCalledTimes(2);
  });
});

describe('Composer: Tools', () => {
  it('is disabled, saying so, when the agent has no tools', () => {
    setup({ tools: [] });
    expect(toolsButton()).toHaveProperty('disabled', true);
    expect(toolsButton().getAttribute('title')).toBe('This agent has no tools');
  });

  it('is disabled with the reason given, when tools cannot be chosen (the project code runs)', () => {
    setup({ tools: TOOLS, toolsUnavailable: 'The generated project uses its own tools.' });
    expect(toolsButton()).toHaveProperty('disabled', true);
    expect(toolsButton().getAttribute('title')).toBe('The generated project uses its own tools.');
  });

  it('lists the tools with their catalog descriptions, all on; a message then sends no tools list (every tool)', async () => {
    const { props } = setup({ tools: TOOLS });
    expect(toolsButton().textContent).toBe('Tools');
    expect(toolsButton().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toolsButton());
    expect(toolsButton().getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toolsButton().getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(false);
    expect(TOOLS.map((tool) => (box(tool) as HTMLInputElement).checked)).toEqual([true, true, true]);
    await screen.findByText('Evaluates arithmetic expressions safely (no code execution).', undefined, { timeout: 10_000 });
    await sendText('hi');
    expect(props.onSend).toHaveBeenLastCalledWith('hi', undefined);
  });

  it('passes axe, open and closed (contrast and page landmarks are left to the browser suite)', async () => {
    setup({ tools: TOOLS });
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    const violations = async () => (await axe.run(document.body, { rules })).violations.map((violation) => violation.id);
    expect(await violations()).toEqual([]);
    fireEvent.click(toolsButton());
    await screen.findByText('Evaluates arithmetic expressions safely (no code execution).', undefined, { timeout: 10_000 });
    expect(await violations()).toEqual([]);
  });

  it('turning a tool off shows the count and sends the tools without it', async () => {
    const { props } = setup({ tools: TOOLS });
    fireEvent.click(toolsButton());
    fireEvent.click(box('web_search'));
    expect(toolsButton().textContent).toBe('Tools 2/3');
    await sendText('search nothing');
    expect(props.onSend).toHaveBeenLastCalledWith('search nothing', ['calculator', 'file_write']);
    fireEvent.click(box('calculator'));
    fireEvent.click(box('file_write'));
    expect(toolsButton().textContent).toBe('Tools 0/3');
    await sendText('no tools at all');
    expect(props.onSend).toHaveBeenLastCalledWith('no tools at all', []);
    fireEvent.click(box('web_search'));
    expect(toolsButton().textContent).toBe('Tools 1/3');
  });

  it('works from the keyboard: open focuses the first tool, arrows move, Space toggles, Esc closes and returns focus', async () => {
    const { props } = setup({ tools: TOOLS });
    toolsButton().focus();
    fireEvent.click(toolsButton()); // Enter and Space on a native button click it.
    expect(document.activeElement).toBe(box('calculator'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box('web_search'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box('calculator'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box('file_write'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Home' });
    expect(document.activeElement).toBe(box('calculator'));
    fireEvent.click(document.activeElement ?? document.body); // Space on a native checkbox toggles it.
    expect(toolsButton().textContent).toBe('Tools 2/3');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(toolsButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toolsButton());
    await sendText('no maths');
    expect(props.onSend).toHaveBeenLastCalledWith('no maths', ['web_search', 'file_write']);
  });

  it('keeps the choice per chat session: the first message’s session keeps it, another session has its own, a new agent starts with all on', async () => {
    const { rerender } = setup({ tools: TOOLS });
    fireEvent.click(toolsButton());
    fireEvent.click(box('file_write'));
    rerender({ tools: TOOLS, sessionId: 'session-1' });
    expect(toolsButton().textContent).toBe('Tools 2/3');
    expect(JSON.parse(window.localStorage.getItem('ag.chat.tools-off.session-1') ?? 'null')).toEqual(['file_write']);

    rerender({ tools: TOOLS, sessionId: undefined });
    expect(toolsButton().textContent).toBe('Tools');
    rerender({ tools: TOOLS, sessionId: 'session-1' });
    expect(toolsButton().textContent).toBe('Tools 2/3');

    window.localStorage.setItem('ag.chat.tools-off.session-2', JSON.stringify(['calculator', 'web_search']));
    rerender({ tools: TOOLS, sessionId: 'session-2' });
    expect(toolsButton().textContent).toBe('Tools 1/3');

    rerender({ tools: ['calculator'], sessionId: undefined, agentId: 'agent-2' });
    expect(toolsButton().textContent).toBe('Tools');
  });
});
