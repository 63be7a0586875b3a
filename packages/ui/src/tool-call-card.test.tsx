// @vitest-environment happy-dom
// Tests of the tool-call card: its states from the call's data, and the Ask-mode answer buttons.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolCallCard } from './tool-call-card';

afterEach(cleanup);

describe('ToolCallCard', () => {
  it('shows arguments, result and duration of a finished call', () => {
    render(<ToolCallCard tool="calculator" callId="c1" arguments={{ expression: '6*7' }} result="42" isError={false} duration="3 ms" defaultOpen />);
    expect(screen.getByText('done')).toBeTruthy();
    expect(screen.getByText('3 ms')).toBeTruthy();
    expect(screen.getByText(/"expression": "6\*7"/)).toBeTruthy();
    expect(screen.getByText('42')).toBeTruthy();
  });

  it('marks a running call and an error', () => {
    const { rerender } = render(<ToolCallCard tool="http_request" callId="c2" arguments={{}} />);
    expect(screen.getByText('running')).toBeTruthy();
    rerender(<ToolCallCard tool="http_request" callId="c2" arguments={{}} result="error: timeout" isError duration="5 s" />);
    expect(screen.getByText('error')).toBeTruthy();
    expect(screen.getByText('Error')).toBeTruthy();
  });

  it('asks for approval while pending and reports the answer', () => {
    const onAnswer = vi.fn();
    render(<ToolCallCard tool="file_write" callId="c3" arguments={{ path: 'a.txt' }} approval="pending" onAnswer={onAnswer} />);
    expect(screen.getByText('waiting for approval')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refuse' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onAnswer.mock.calls).toEqual([[false], [true]]);
  });
});
