// Which models a local provider (Ollama, OllaBridge) has, asked through the same discovery as
// GET /api/providers/:id/models and kept per settings version for a minute, so a chat's runs ask once.
import type { ModelListing } from '@agent-generator/models';

/** `unknown` when the provider could not be asked: the choice is then kept, never passed over. */
export type Availability = 'present' | 'absent' | 'unknown';

export interface LocalModelListsOptions {
  /** The provider's discovered list; throws when the provider cannot be asked. */
  readonly discover: () => Promise<ModelListing>;
  /** Provider settings id and version: a settings change asks again. */
  readonly key: string;
  readonly model: string;
}

export type LocalModelLists = (options: LocalModelListsOptions) => Promise<Availability>;

const LIST_TTL_MS = 60_000;

/** Ollama names a model without a tag as its `latest`. */
const tagged = (id: string): string => (id.includes(':') ? id : `${id}:latest`);

export function createLocalModelLists(options: { readonly now: () => number }): LocalModelLists {
  const kept = new Map<string, { readonly ids: Promise<ReadonlySet<string> | undefined>; readonly until: number }>();
  const listed = async (discover: () => Promise<ModelListing>): Promise<ReadonlySet<string> | undefined> => {
    const listing = await discover();
    return listing.offered ? new Set(listing.models.map((model) => tagged(model.id))) : undefined;
  };
  return async ({ discover, key, model }) => {
    const now = options.now();
    for (const [oldKey, entry] of kept) if (entry.until <= now) kept.delete(oldKey);
    const entry = kept.get(key) ?? { ids: listed(discover), until: now + LIST_TTL_MS };
    kept.set(key, entry);
    const ids = await entry.ids.catch(() => {
      // A failed discovery is not kept: the next run asks again.
      if (kept.get(key) === entry) kept.delete(key);
      return undefined;
    });
    if (ids === undefined) return 'unknown';
    return ids.has(tagged(model)) ? 'present' : 'absent';
  };
}
