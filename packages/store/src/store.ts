import { constants, openSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Compression, ImageManifest, Label } from '@rkt/appc';
import { lock } from '@rkt/native';
import { imageNotFound, ioErrors } from './errors.js';
import { parseImageArg } from './image-arg.js';
import * as images from './images.js';
import { storeKeyOf } from './keys.js';
import { Layout } from './layout.js';
import { HeldLock } from './locks.js';
import { listRecords, readRecord } from './records.js';
import * as remote from './remote.js';
import * as render from './render.js';
import { notFoundByName, pickImage, resolveKey } from './resolve.js';
import { listTreeIds, readTree } from './tree-store.js';
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
 */
export class Store {
  private constructor(
    /** the data dir (`--dir`) */
    readonly dir: string,
    private readonly layout: Layout,
    private readonly casLock: HeldLock,
  ) {}

  /** Create the layout if missing and take the shared lock on cas/. */
  static open(dir: string): Promise<Store> {
    return ioErrors(`cannot open the image store in ${dir}`, async () => {
      const layout = new Layout(dir);
      layout.create();
      const casLock = new HeldLock(openSync(layout.cas, constants.O_RDONLY | constants.O_DIRECTORY));
      try {
        await lock(casLock.fd, 'shared');
      } catch (e) {
        casLock.release();
        throw e;
      }
      return new Store(dir, layout, casLock);
    });
  }

  async close(): Promise<void> {
    this.casLock.release();
  }

  /** Read an ACI (any compression) in one pass: hash, validate, store the archive, index it. */
  async importImage(input: Readable, opts: ImportOptions = {}): Promise<ImportResult> {
    return ioErrors('cannot import the image', async () => {
      const { record, summary, existed, tree } = await (
        await import('./import.js')
      ).importArchive(this.layout, input, opts);
      if (!tree) return { record, manifest: summary.manifest, existed };
      await render.completeInlineTree(this.layout, tree, record.key, summary.manifest);
      const refreshed = readRecord(this.layout, record.key) ?? record;
      return { record: refreshed, manifest: summary.manifest, existed };
    });
  }

  /** Every image, oldest import first. */
  async listImages(): Promise<ImageRecord[]> {
    return listRecords(this.layout).sort((a, b) => a.importTime - b.importTime || cmp(a.key, b.key));
  }

  /** A store key (or full image ID) to its record; undefined when there is no such image. */
  async getImage(key: string): Promise<ImageRecord | undefined> {
    try {
      return readRecord(this.layout, storeKeyOf(key));
    } catch (e) {
      if ((e as { code?: string }).code === 'IMAGE_NOT_FOUND') return undefined;
      throw e;
    }
  }

  /** An image ID prefix (`sha512-` + at least 2 hex) to the one key it names: IMAGE_NOT_FOUND / IMAGE_AMBIGUOUS. */
  async resolveKey(prefix: string): Promise<string> {
    return resolveKey(this.layout, prefix);
  }

  /** rkt's GetACI: every requested label must match; without `version`, `latest` rows win, then newest import. */
  async findImage(name: string, labels: Label[] = []): Promise<ImageRecord | undefined> {
    return pickImage(listRecords(this.layout), name, labels);
  }

  /** An image argument of the image subcommands: an ID prefix or `name[:version][,label=value...]`. */
  async resolveImageArg(arg: string): Promise<ImageRecord> {
    if (arg.startsWith('sha512-')) {
      const key = resolveKey(this.layout, arg);
      const record = readRecord(this.layout, key);
      if (!record) throw imageNotFound(key);
      return record;
    }
    const { name, labels } = parseImageArg(arg);
    const found = pickImage(listRecords(this.layout), name, labels);
    if (!found) throw notFoundByName(name, labels);
    return found;
  }

  async readManifest(key: string): Promise<ImageManifest> {
    return images.readManifest(this.layout, storeKeyOf(key));
  }

  /** The stored archive as fetched; bumps lastUsed. */
  async openBlob(key: string): Promise<{ stream: Readable; compression: Compression }> {
    return images.openBlob(this.layout, storeKeyOf(key));
  }

  async touchImage(key: string): Promise<void> {
    return images.touchImage(this.layout, storeKeyOf(key));
  }

  /** Remove an image (record first, then blob and manifest) under its exclusive image lock. */
  async removeImage(key: string): Promise<void> {
    const storeKey = storeKeyOf(key);
    await ioErrors(`cannot remove image ${storeKey}`, async () => {
      await images.removeImage(this.layout, storeKey);
      remote.removeRemotes(this.layout, (k) => k === storeKey);
    });
  }

  async getRemote(url: string): Promise<RemoteRecord | undefined> {
    return remote.getRemote(this.layout, url);
  }

  async putRemote(record: RemoteRecord): Promise<void> {
    return ioErrors('cannot record the remote image', () => remote.putRemote(this.layout, record));
  }

  /** The tree id of an image with its dependencies (resolved in the store): `deps-` + key form of sha512. */
  async treeIdFor(key: string): Promise<string> {
    return render.treeIdFor(this.layout, storeKeyOf(key));
  }

  /** Render an image with its dependencies into the tree store once; reuse a complete rendering. */
  async renderImage(key: string): Promise<TreeRecord> {
    const storeKey = storeKeyOf(key);
    return ioErrors(`cannot render image ${storeKey}`, () => render.renderImage(this.layout, storeKey));
  }

  async getTree(id: string): Promise<TreeRecord | undefined> {
    return readTree(this.layout, id);
  }

  async listTrees(): Promise<TreeRecord[]> {
    return listTreeIds(this.layout).flatMap((id) => readTree(this.layout, id) ?? []);
  }

  /** Re-hash a rendered tree against its recorded hash; re-render it when they differ. */
  async verifyTree(key: string): Promise<VerifyResult> {
    const storeKey = storeKeyOf(key);
    return ioErrors(`cannot verify the tree of image ${storeKey}`, async () =>
      (await import('./verify.js')).verifyTree(this.layout, storeKey),
    );
  }

  async removeTree(id: string): Promise<void> {
    await ioErrors(`cannot remove tree ${id}`, () => render.removeTree(this.layout, id));
  }

  /** Remove what crashed writers left: temp files, unfinished trees, blobs without a record. */
  async cleanDebris(): Promise<string[]> {
    return ioErrors('cannot clean the image store', async () =>
      (await import('./debris.js')).cleanDebris(this.layout),
    );
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
