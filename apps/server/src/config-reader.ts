// Typed reads of single environment keys that collect problems instead of throwing on the first.
export interface ConfigReaderOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Keys that may also be given as `<KEY>_FILE`. */
  readonly secrets: ReadonlySet<string>;
  readonly readFile: (path: string) => string;
}

export class ConfigReader {
  readonly problems: string[] = [];

  constructor(private readonly options: ConfigReaderOptions) {}

  problem(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`);
  }

  /** The trimmed value, or undefined when unset or empty; secrets may come from `<KEY>_FILE`. */
  optional(name: string): string | undefined {
    const direct = this.options.env[name]?.trim();
    const fileName = this.options.secrets.has(name) ? this.options.env[`${name}_FILE`]?.trim() : undefined;
    if (fileName !== undefined && fileName !== '') {
      if (direct !== undefined && direct !== '') {
        this.problem(name, `set either ${name} or ${name}_FILE, not both`);
        return undefined;
      }
      try {
        const content = this.options.readFile(fileName).trim();
        if (content === '') this.problem(`${name}_FILE`, `the file ${fileName} is empty`);
        return content === '' ? undefined : content;
      } catch (error) {
        this.problem(`${name}_FILE`, `cannot read ${fileName} (${error instanceof Error ? error.message : String(error)})`);
        return undefined;
      }
    }
    return direct === undefined || direct === '' ? undefined : direct;
  }

  text(name: string, fallback: string, pattern: RegExp): string {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (!pattern.test(value)) this.problem(name, `"${value}" is not valid`);
    return value;
  }

  integer(name: string, limits: { readonly fallback: number; readonly min: number; readonly max: number }): number {
    const value = this.optional(name);
    if (value === undefined) return limits.fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < limits.min || parsed > limits.max) {
      this.problem(name, `"${value}" must be a whole number from ${limits.min} to ${limits.max}`);
      return limits.fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problem(name, `"${value}" must be true or false`);
    return fallback;
  }

  oneOf<const Value extends string>(name: string, values: ReadonlyArray<Value>, fallback: Value): Value {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const match = values.find((candidate) => candidate === value.toLowerCase());
    if (match === undefined) this.problem(name, `"${value}" must be one of: ${values.join(', ')}`);
    return match ?? fallback;
  }

  /** An http(s) URL without a trailing slash. */
  url(name: string, fallback: string): string {
    const value = this.optional(name) ?? fallback;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
      return value.replace(/\/+$/, '');
    } catch {
      this.problem(name, `"${value}" must be an http:// or https:// URL`);
      return fallback;
    }
  }

  /** An http(s) origin: scheme, host and port only. */
  origin(name: string, fallback: string): string {
    const value = this.url(name, fallback);
    const parsed = new URL(value);
    if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') this.problem(name, `"${value}" must be an origin such as https://example.com, without a path`);
    return parsed.origin;
  }

  /** Two keys that only make sense together: both set, or neither. */
  pair(first: string, second: string): readonly [string, string] | undefined {
    const one = this.optional(first);
    const two = this.optional(second);
    if (one !== undefined && two !== undefined) return [one, two];
    if (one !== undefined) this.problem(second, `is required when ${first} is set`);
    if (two !== undefined) this.problem(first, `is required when ${second} is set`);
    return undefined;
  }
}
