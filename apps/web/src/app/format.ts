// Numbers, byte sizes and dates in the person's locale (Settings → General → Locale), through Intl.
export interface Formatter {
  readonly locale: string;
  number(value: number): string;
  /** Decimal units (1 kB = 1000 bytes), as Intl names them. */
  bytes(value: number): string;
  dateTime(iso: string): string;
}

const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `create` runs on the first call only: each Intl formatter costs milliseconds to build on a phone. */
function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

export function createFormatter(requested: string): Formatter {
  const locale = supported(requested);
  // Built when first used, so a page that shows only a count does not pay for dates and byte units.
  const numbers = once(() => new Intl.NumberFormat(locale));
  const dates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const units = new Map(UNITS.map(({ unit }) => [unit, once(() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }))]));
  return {
    locale,
    number: (value) => numbers().format(value),
    bytes(value) {
      const scale = UNITS.find(({ size }) => Math.abs(value) >= size);
      if (!scale) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(value);
      return units.get(scale.unit)?.().format(value / scale.size) ?? numbers().format(value);
    },
    dateTime: (iso) => dates().format(new Date(iso)),
  };
}
