import { createHash } from 'node:crypto';
import { toStoreKey } from '@rkt/appc';
import { imageNotFound } from './errors.js';

const STORE_KEY = /^sha512-[0-9a-f]{64}$/;
const TREE_ID = /^deps-sha512-[0-9a-f]{64}$/;

export function isStoreKey(s: string): boolean {
  return STORE_KEY.test(s);
}

export function isTreeId(s: string): boolean {
  return TREE_ID.test(s);
}

/** A store key or a full image ID to the store key; anything else is no image of ours. */
export function storeKeyOf(keyOrId: string): string {
  const key = toStoreKey(keyOrId.toLowerCase());
  if (!isStoreKey(key)) throw imageNotFound(keyOrId);
  return key;
}

/** rkt's tree id: `deps-` + the store-key form of sha512 over the flattened dependency keys. */
export function treeIdOf(keys: readonly string[]): string {
  const hex = createHash('sha512').update(keys.join(',')).digest('hex');
  return `deps-${toStoreKey(`sha512-${hex}`)}`;
}
