// @vitest-environment happy-dom
// Tests of the composer: a text file's content is added to the message, other files are refused
// plainly, ⌘↵ / Ctrl+Enter (through the command's chat actions) sends, and Stop replaces Send while streaming.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatActions } from './chat-actions';
import { Composer, type ComposerProps } from './composer';

afterEach(cleanup);

function setup(overrides: Partial<ComposerProps> = {}) {
  const props: ComposerProps = { disabled: false, streaming: false, models: [], model: '', onModel: vi.fn(), onSend: vi.fn(() => Promise.resolve()), onStop: vi.fn(), ...overrides };
  render(<Composer {...props} />);
  return props;
}

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
    const props = setup();
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'hello agent' } });
    await act(async () => chatActions.send());
    expect(props.onSend).toHaveBeenCalledWith('hello agent');
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows Stop instead of Send while an answer streams', () => {
    const props = setup({ streaming: true });
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    act(() => chatActions.stop());
    expect(props.onStop).toHaveBeenCalledTimes(2);
  });
});
