import type { Compression, ImageManifest, Label } from '@rkt/appc';

/**
 * One image in the store, as `cas/index/<key>.json` records it. The record is written last, after
 * the blob and manifest are durable: an image without a record does not exist.
 */
export interface ImageRecord {
  /** rkt's store key: `sha512-` + first 64 hex of the image ID */
  key: string;
  /** the full appc image ID: `sha512-` + 128 hex */
  id: string;
  name: string;
  labels: Label[];
  /** milliseconds since the epoch */
  importTime: number;
  lastUsed: number;
  /** bytes of the stored archive (kept as fetched, compressed or not) */
  size: number;
  /** bytes of the rendered tree, 0 when not rendered */
  treeStoreSize: number;
  /** fetched by name without a version label (rkt's `latest` flag) */
  latest: boolean;
  compression: Compression;
  /** bytes of the uncompressed tar */
  tarSize: number;
}

/** What rkt remembers of an image fetched from a URL, for pull policies `new` and `update`. */
export interface RemoteRecord {
  url: string;
  sigUrl?: string;
  etag?: string;
  lastModified?: string;
  /** store key of the image the URL gave */
  blobKey: string;
  /** seconds, from Cache-Control max-age; 0 when absent */
  cacheMaxAge: number;
  /** milliseconds since the epoch */
  downloadTime: number;
}

/** A rendered tree: `cas/tree/<id>/{rootfs,manifest,hash,image,rendered}`. */
export interface TreeRecord {
  /** `deps-sha512-` + 64 hex */
  id: string;
  /** absolute path of the tree's rootfs directory */
  rootfs: string;
  /** store key of the top image */
  imageKey: string;
  /** the tree hash written at render time (`sha512-` + 128 hex) */
  hash: string;
  size: number;
}

export interface ImportOptions {
  /** record the image as rkt's `latest` (fetched by name without a version) */
  latest?: boolean;
  /** refuse the image unless its key starts with this (a dependency's imageID, a hash fetch) */
  expectedId?: string;
  /** render the tree in the same pass when the image has no dependencies (needs root for owners) */
  render?: boolean;
  /** called with each chunk's size as the archive is read (progress bars) */
  onBytes?: (n: number) => void;
  /**
   * Awaited once the whole archive has been read and checked, before anything of it becomes visible
   * (no blob, manifest or record written, no existing record refreshed). A rejection discards the
   * temp files and the rendered tree, and propagates: how a signature check gates the import.
   */
  beforeCommit?: (manifest: ImageManifest) => Promise<void>;
}

export interface ImportResult {
  record: ImageRecord;
  manifest: ImageManifest;
  /** the image was already in the store (its record was refreshed, the new bytes discarded) */
  existed: boolean;
}

export type VerifyResult = 'verified' | 'repaired' | 'not-rendered';
