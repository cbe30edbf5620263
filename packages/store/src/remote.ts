import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_CORRUPT, storeError } from './errors.js';
import { removeIfPresent } from './images.js';
import type { Layout } from './layout.js';
import { readOptional } from './records.js';
import { writeAtomic } from './temp.js';
import type { RemoteRecord } from './types.js';

/** Remote records are `cas/remote/<sha256(url)>.json`, replaced atomically; the last writer wins. */
export function getRemote(layout: Layout, url: string): RemoteRecord | undefined {
  const record = parse(layout.remoteRecord(url));
  return record?.url === url ? record : undefined;
}

export function putRemote(layout: Layout, record: RemoteRecord): Promise<void> {
  return writeAtomic(layout, layout.remoteRecord(record.url), `${JSON.stringify(record)}\n`);
}

/** Drop the remote records whose image is `stale(blobKey)`; returns the removed files' paths. */
export function removeRemotes(layout: Layout, stale: (blobKey: string) => boolean): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(layout.remote)) {
    const path = join(layout.remote, name);
    if (!name.endsWith('.json')) continue;
    const record = parse(path);
    if (record && stale(record.blobKey) && removeIfPresent(path)) removed.push(path);
  }
  return removed;
}

function parse(path: string): RemoteRecord | undefined {
  const text = readOptional(path);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as RemoteRecord;
  } catch (e) {
    throw storeError(STORE_CORRUPT, `corrupt remote record ${path}`, e);
  }
}
