// The result of asking a provider which models it serves.

export interface ModelInfo {
  readonly id: string;
  readonly label?: string;
}

export type ModelListing =
  | { readonly offered: true; readonly models: ReadonlyArray<ModelInfo> }
  /** The provider's API has no list we call; `message` says what to enter instead. */
  | { readonly offered: false; readonly message: string };

type Loose = Readonly<Record<string, unknown>>;
export const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `{ [key]: [ {…}, … ] }` and maps each entry that has a string id. */
export function entries(body: unknown, key: string, toInfo: (entry: Loose) => ModelInfo | undefined): ReadonlyArray<ModelInfo> {
  const list = isObject(body) ? body[key] : undefined;
  return (Array.isArray(list) ? list.filter(isObject) : []).flatMap((entry) => {
    const info = toInfo(entry);
    return info === undefined ? [] : [info];
  });
}

export const withLabel = (id: unknown, label: unknown): ModelInfo | undefined =>
  typeof id !== 'string' ? undefined : typeof label === 'string' && label !== id ? { id, label } : { id };
