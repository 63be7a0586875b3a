import { describe, expect, it } from 'vitest';
import { createCalculatorTool } from './calculator';

const calculator = createCalculatorTool('Evaluates arithmetic.');
const run = (expression: unknown) => calculator.execute({ expression }, { signal: new AbortController().signal });

describe('calculator', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['2 ^ 3 ^ 2', '512'],
    ['2 ** 10', '1024'],
    ['-2 ^ 2', '-4'],
    ['10 / 4', '2.5'],
    ['10 % 4', '2'],
    ['sqrt(2)', '1.41421356237'],
    ['max(3, 9, 4) - min(3, 9, 4)', '6'],
    ['round(pi * 100) / 100', '3.14'],
    ['1.5e3 + .5', '1500.5'],
    ['0.1 + 0.2', '0.3'],
  ])('%s = %s', async (expression, expected) => {
    expect(await run(expression)).toEqual({ content: expected, isError: false });
  });

  it.each([
    ["__import__('os').system('id')", /unexpected character "'"|unknown name "__import__"/],
    ['process.exit(1)', /unexpected character "\."|unknown name "process"/],
    ['constructor', /unknown name "constructor"/],
    ['constructor(1)', /unknown name "constructor"/],
    ['__proto__', /unknown name "__proto__"/],
    ['toString(1)', /unknown name "toString"/],
    ['1; 2', /unexpected character ";"/],
    ['[1, 2]', /unexpected character "\["/],
    ['1 / 0', /division by zero/],
    ['9 ^ 9 ^ 9', /not a finite number/],
    ['(1 + 2', /expected "\)"/],
    ['', /empty/],
    ['('.repeat(200) + '1' + ')'.repeat(200), /nests deeper than 64/],
    ['1+'.repeat(600) + '1', /Too big: expected string to have <=1000 characters/],
  ])('refuses %s', async (expression, message) => {
    const outcome = await run(expression);
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(message);
  });

  it('refuses arguments that are not a string', async () => {
    expect(await run({ toString: 'x' })).toMatchObject({ isError: true, content: expect.stringContaining('invalid arguments') });
  });

  it('is read-only', () => {
    expect(calculator.hasSideEffects({ expression: '1' })).toBe(false);
  });
});
