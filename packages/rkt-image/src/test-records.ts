import type { ImageRecord } from '@rkt/store';

/** An image record literal for unit tests; the key is `sha512-` + the hex digit repeated. */
export function record(hex: string, fields: Partial<ImageRecord> = {}): ImageRecord {
  const key = `sha512-${hex.repeat(64).slice(0, 64)}`;
  return {
    key,
    id: key + '0'.repeat(64),
    name: 'example.com/busybox',
    labels: [],
    importTime: 0,
    lastUsed: 0,
    size: 0,
    treeStoreSize: 0,
    latest: false,
    compression: 'gzip',
    tarSize: 0,
    ...fields,
  };
}
