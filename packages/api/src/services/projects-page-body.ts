// The JSON body and ETag of a project listing page, serialized once per page object the store
// answers. The SQLite store hands back the same frozen page object for the same query for as long as
// the database is unchanged (PRAGMA data_version for other connections' commits, total_changes() for
// its own writes; see the store's sqlite-fast-reads.ts), so a body remembered by that object is what
// serializing it again would give. Pages built afresh (Postgres, reads inside a transaction) are
// serialized on each call and forgotten with their page.
import { createHash } from 'node:crypto';
import type { Page, ProjectRecord } from '@agent-generator/contracts';
import { projectView } from '../schemas/project.schemas';

export interface PageBody {
  /** UTF-8 bytes, so a cached answer is not encoded and measured again on every write. */
  readonly json: Uint8Array<ArrayBuffer>;
  /** A strong validator of `json`, quoted as HTTP wants it. */
  readonly etag: string;
}

const encoder = new TextEncoder();
const bodies = new WeakMap<Page<ProjectRecord>, PageBody>();

function serialize(page: Page<ProjectRecord>): PageBody {
  const json = encoder.encode(JSON.stringify({ ...page, items: page.items.map(projectView) }));
  return { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
}

export function projectsPageBody(page: Page<ProjectRecord>): PageBody {
  const known = bodies.get(page);
  if (known !== undefined) return known;
  const body = serialize(page);
  // Only frozen pages are the store's remembered ones; anything else may still change.
  if (Object.isFrozen(page)) bodies.set(page, body);
  return body;
}

/** True when an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
