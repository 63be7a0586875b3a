// @vitest-environment happy-dom
// Tests of the Compatibility card: order, rule on hover, Resolve only where an alternative exists.
import type { Diagnostic } from '@agent-generator/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompatibilityCard } from './compatibility-card';

const row = (overrides: Partial<Diagnostic>): Diagnostic => ({
  rule: 'framework.maturity',
  severity: 'ok',
  category: 'framework',
  subject: 'crewai',
  message: 'CrewAI is mature.',
  step: 'framework',
  alternatives: [],
  ...overrides,
});

const diagnostics: Diagnostic[] = [
  row({}),
  row({ rule: 'pattern.unsupported', severity: 'err', category: 'pattern', subject: 'supervisor', message: 'CrewAI has no supervisor.', alternatives: [{ pattern: 'sequential' }] }),
  row({ rule: 'model.tools', severity: 'warn', category: 'model', subject: 'm', message: 'Weak tool calling.', step: 'framework', alternatives: [] }),
];

afterEach(cleanup);

describe('CompatibilityCard', () => {
  it('lists errors first, then warnings, then ok rows, each with its rule on hover', () => {
    render(<CompatibilityCard diagnostics={diagnostics} />);
    const items = within(screen.getByTestId('compatibility-card')).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-severity'))).toEqual(['err', 'warn', 'ok']);
    expect(items[0]?.getAttribute('title')).toBe('Rule pattern.unsupported');
    expect(screen.getByText('1 blocking')).toBeTruthy();
  });

  it('offers Resolve only on rows with an alternative and hands back that row', () => {
    const onResolve = vi.fn();
    render(<CompatibilityCard diagnostics={diagnostics} onResolve={onResolve} />);
    const buttons = screen.getAllByRole('button', { name: /Resolve/ });
    expect(buttons).toHaveLength(1);
    const [button] = buttons;
    if (!button) throw new Error('no Resolve button');
    fireEvent.click(button);
    expect(onResolve).toHaveBeenCalledWith(diagnostics[1]);
  });

  it('says all clear when nothing warns', () => {
    render(<CompatibilityCard diagnostics={[row({})]} />);
    expect(screen.getByText('All clear')).toBeTruthy();
  });
});
