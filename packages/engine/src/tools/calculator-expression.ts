// A small arithmetic parser and evaluator: numbers, + - * / % ^, parentheses, a fixed list of
// functions and constants. It never hands text to eval or Function, so nothing else can run.

export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_DEPTH = 64;

export class CalculatorError extends Error {
  override readonly name = 'CalculatorError';
}

// Maps, not object literals: a name like `constructor` must not find Object.prototype members.
const FUNCTIONS: ReadonlyMap<string, (...values: number[]) => number> = new Map(Object.entries({
  abs: Math.abs, sqrt: Math.sqrt, cbrt: Math.cbrt, exp: Math.exp, ln: Math.log, log: Math.log, log10: Math.log10, log2: Math.log2,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  floor: Math.floor, ceil: Math.ceil, round: Math.round, min: Math.min, max: Math.max, pow: Math.pow,
}));
const CONSTANTS: ReadonlyMap<string, number> = new Map(Object.entries({ pi: Math.PI, e: Math.E, tau: 2 * Math.PI }));

type Token = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'name'; readonly value: string } | { readonly kind: 'symbol'; readonly value: string };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/%^(),]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null) {
      if (text.slice(start).trim() === '') break;
      const offending = text.slice(start).trimStart().charAt(0);
      throw new CalculatorError(`unexpected character "${offending}"; use numbers, + - * / % ^, parentheses and functions such as sqrt(2)`);
    }
    if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: 'name', value: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'symbol', value: match[3] === '**' ? '^' : match[3] });
  }
  return tokens;
}

class Parser {
  #position = 0;
  #depth = 0;
  constructor(private readonly tokens: ReadonlyArray<Token>) {}

  parse(): number {
    const value = this.#sum();
    const extra = this.tokens[this.#position];
    if (extra !== undefined) throw new CalculatorError(`unexpected "${String(extra.value)}"`);
    return value;
  }

  #sum(): number {
    let value = this.#product();
    for (let symbol = this.#peekSymbol(); symbol === '+' || symbol === '-'; symbol = this.#peekSymbol()) {
      this.#position += 1;
      const right = this.#product();
      value = symbol === '+' ? value + right : value - right;
    }
    return value;
  }

  #product(): number {
    let value = this.#unary();
    for (let symbol = this.#peekSymbol(); symbol === '*' || symbol === '/' || symbol === '%'; symbol = this.#peekSymbol()) {
      this.#position += 1;
      const right = this.#unary();
      if ((symbol === '/' || symbol === '%') && right === 0) throw new CalculatorError('division by zero');
      value = symbol === '*' ? value * right : symbol === '/' ? value / right : value % right;
    }
    return value;
  }

  #unary(): number {
    const symbol = this.#peekSymbol();
    if (symbol === '-' || symbol === '+') {
      this.#position += 1;
      const value = this.#nested(() => this.#unary());
      return symbol === '-' ? -value : value;
    }
    const base = this.#primary();
    if (this.#peekSymbol() !== '^') return base;
    this.#position += 1;
    return base ** this.#nested(() => this.#unary());
  }

  #primary(): number {
    const token = this.tokens[this.#position];
    this.#position += 1;
    if (token === undefined) throw new CalculatorError('the expression ends too early');
    if (token.kind === 'number') return token.value;
    if (token.kind === 'symbol') {
      if (token.value !== '(') throw new CalculatorError(`unexpected "${token.value}"`);
      const value = this.#nested(() => this.#sum());
      this.#expect(')');
      return value;
    }
    const constant = CONSTANTS.get(token.value);
    if (constant !== undefined) return constant;
    const fn = FUNCTIONS.get(token.value);
    if (fn === undefined) throw new CalculatorError(`unknown name "${token.value}"; known functions: ${[...FUNCTIONS.keys()].join(', ')}`);
    this.#expect('(');
    const args = [this.#nested(() => this.#sum())];
    while (this.#peekSymbol() === ',') {
      this.#position += 1;
      args.push(this.#nested(() => this.#sum()));
    }
    this.#expect(')');
    return fn(...args);
  }

  #nested(parse: () => number): number {
    this.#depth += 1;
    if (this.#depth > MAX_DEPTH) throw new CalculatorError(`the expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.#depth -= 1;
    }
  }

  #peekSymbol(): string | undefined {
    const token = this.tokens[this.#position];
    return token?.kind === 'symbol' ? token.value : undefined;
  }

  #expect(symbol: string): void {
    if (this.#peekSymbol() !== symbol) throw new CalculatorError(`expected "${symbol}"`);
    this.#position += 1;
  }
}

/** Evaluates an arithmetic expression; throws CalculatorError with a message for the model. */
export function evaluateExpression(expression: string): number {
  if (expression.length > MAX_EXPRESSION_LENGTH) throw new CalculatorError(`the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new CalculatorError('the expression is empty');
  const value = new Parser(tokens).parse();
  if (!Number.isFinite(value)) throw new CalculatorError('the result is not a finite number');
  return value;
}

/** Integers as they are; other numbers to 12 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}
