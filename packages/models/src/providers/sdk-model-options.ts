// What every AI SDK provider adapter receives: the parsed settings and an optional fetch.
import type { LanguageModel } from 'ai';
import type { ProviderSettings } from '../provider-settings';

export type FetchFunction = typeof globalThis.fetch;

export interface SdkModelOptions {
  readonly settings: ProviderSettings;
  readonly fetch?: FetchFunction;
}

/** Builds the AI SDK language model for one provider; the SDK package is imported lazily. */
export type SdkModelFactory = (options: SdkModelOptions) => Promise<Exclude<LanguageModel, string>>;

export const withFetch = (fetch: FetchFunction | undefined): { fetch?: FetchFunction } => (fetch === undefined ? {} : { fetch });

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** Drops undefined fields, so optional SDK settings stay absent (exactOptionalPropertyTypes). */
export function compact<T extends Record<string, unknown>>(object: T): Compact<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Compact<T>;
}
