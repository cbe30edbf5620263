/**
 * The three spellings of an image ID. All derive from the SHA-512 of the uncompressed ACI tar:
 * the appc ID (128 hex), rkt's store key (first 64 hex), and the short hash rkt fetch prints (32 hex).
 */
export const IMAGE_ID_PREFIX = 'sha512-';

export function imageIdFromDigest(hex: string): string {
  return IMAGE_ID_PREFIX + hex;
}

/** rkt's store key: `sha512-` + the first 64 hex digits. Longer IDs are truncated, shorter kept. */
export function toStoreKey(id: string): string {
  return id.slice(0, IMAGE_ID_PREFIX.length + 64);
}

/** appc's ShortHash: `sha512-` + the first 32 hex digits. */
export function toShortHash(id: string): string {
  return id.slice(0, IMAGE_ID_PREFIX.length + 32);
}
