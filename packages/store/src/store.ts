import type { Readable } from 'node:stream';
import type { Compression, ImageManifest, Label } from '@rkt/appc';
import type {
  ImageRecord,
  ImportOptions,
  ImportResult,
  RemoteRecord,
  TreeRecord,
  VerifyResult,
} from './types.js';

/**
 * The image store under a data dir (`<dir>/cas`). Safe for concurrent use by many processes (rkt's
 * flock protocol) and consistent after a crash at any point. Open one per process; close() releases
 * the shared lock on cas/ that every store user holds.
 *
 * CONTRACT SKELETON: signatures are fixed; bodies are being implemented.
 */
export class Store {
  private constructor(
    /** the data dir (`--dir`) */
    readonly dir: string,
  ) {}

  /** Create the layout if missing and take the shared lock on cas/. */
  static async open(dir: string): Promise<Store> {
    return new Store(dir);
  }

  async close(): Promise<void> {}

  /** Read an ACI (any compression) in one pass: hash, validate, store the archive, index it. */
  async importImage(_input: Readable, _opts: ImportOptions = {}): Promise<ImportResult> {
    throw new Error('not implemented');
  }

  async listImages(): Promise<ImageRecord[]> {
    throw new Error('not implemented');
  }

  async getImage(_key: string): Promise<ImageRecord | undefined> {
    throw new Error('not implemented');
  }

  /** An image ID prefix (`sha512-` + at least 2 hex) to the one key it names: IMAGE_NOT_FOUND / IMAGE_AMBIGUOUS. */
  async resolveKey(_prefix: string): Promise<string> {
    throw new Error('not implemented');
  }

  /** rkt's GetACI: every requested label must match; without `version`, `latest` rows win, then newest import. */
  async findImage(_name: string, _labels: Label[] = []): Promise<ImageRecord | undefined> {
    throw new Error('not implemented');
  }

  /** An image argument of the image subcommands: an ID prefix or `name[:version][,label=value...]`. */
  async resolveImageArg(_arg: string): Promise<ImageRecord> {
    throw new Error('not implemented');
  }

  async readManifest(_key: string): Promise<ImageManifest> {
    throw new Error('not implemented');
  }

  /** The stored archive as fetched; bumps lastUsed. */
  async openBlob(_key: string): Promise<{ stream: Readable; compression: Compression }> {
    throw new Error('not implemented');
  }

  async touchImage(_key: string): Promise<void> {
    throw new Error('not implemented');
  }

  /** Remove an image (record first, then blob and manifest) under its exclusive image lock. */
  async removeImage(_key: string): Promise<void> {
    throw new Error('not implemented');
  }

  async getRemote(_url: string): Promise<RemoteRecord | undefined> {
    throw new Error('not implemented');
  }

  async putRemote(_record: RemoteRecord): Promise<void> {
    throw new Error('not implemented');
  }

  /** The tree id of an image with its dependencies (resolved in the store): `deps-` + key form of sha512. */
  async treeIdFor(_key: string): Promise<string> {
    throw new Error('not implemented');
  }

  /** Render an image with its dependencies into the tree store once; reuse a complete rendering. */
  async renderImage(_key: string): Promise<TreeRecord> {
    throw new Error('not implemented');
  }

  async getTree(_id: string): Promise<TreeRecord | undefined> {
    throw new Error('not implemented');
  }

  async listTrees(): Promise<TreeRecord[]> {
    throw new Error('not implemented');
  }

  /** Re-hash a rendered tree against its recorded hash; re-render it when they differ. */
  async verifyTree(_key: string): Promise<VerifyResult> {
    throw new Error('not implemented');
  }

  async removeTree(_id: string): Promise<void> {
    throw new Error('not implemented');
  }

  /** Remove what crashed writers left: temp files, unfinished trees, blobs without a record. */
  async cleanDebris(): Promise<string[]> {
    throw new Error('not implemented');
  }
}
