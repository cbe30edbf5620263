import { RktError } from '@rkt/common';
import { Readable } from 'node:stream';
import type { Compression, ImageManifest } from '@rkt/appc';
import type { ImageRecord, Store, TreeRecord, VerifyResult } from '@rkt/store';

/** An in-memory stand-in for the parts of Store the image commands use, recording what they did. */
export class FakeStore {
  readonly removed: string[] = [];
  readonly removedTrees: string[] = [];
  verify: Record<string, VerifyResult> = {};
  failRemoval = new Set<string>();
  debris: string[] = [];
  manifests: Record<string, ImageManifest> = {};
  blobs: Record<string, { data: Buffer; compression: Compression }> = {};
  opened: string[] = [];

  constructor(
    public images: ImageRecord[],
    public trees: TreeRecord[] = [],
  ) {}

  asStore(): Store {
    return this as unknown as Store;
  }

  listImages(): Promise<ImageRecord[]> {
    return Promise.resolve([...this.images]);
  }

  resolveImageArg(arg: string): Promise<ImageRecord> {
    const found = arg.startsWith('sha512-')
      ? this.images.filter((r) => r.key.startsWith(arg))
      : this.images.filter((r) => r.name === arg);
    if (found.length > 1)
      return Promise.reject(new RktError('IMAGE_AMBIGUOUS', `ambiguous image ID: "${arg}"`));
    if (found[0] === undefined) return Promise.reject(new RktError('IMAGE_NOT_FOUND', 'no image IDs found'));
    return Promise.resolve(found[0]);
  }

  removeImage(key: string): Promise<void> {
    if (this.failRemoval.has(key)) return Promise.reject(new RktError('STORE_IO', 'disk on fire'));
    this.removed.push(key);
    this.images = this.images.filter((r) => r.key !== key);
    return Promise.resolve();
  }

  listTrees(): Promise<TreeRecord[]> {
    return Promise.resolve([...this.trees]);
  }

  removeTree(id: string): Promise<void> {
    this.removedTrees.push(id);
    return Promise.resolve();
  }

  cleanDebris(): Promise<string[]> {
    return Promise.resolve(this.debris);
  }

  verifyTree(key: string): Promise<VerifyResult> {
    return Promise.resolve(this.verify[key] ?? 'not-rendered');
  }

  openBlob(key: string): Promise<{ stream: Readable; compression: Compression }> {
    const blob = this.blobs[key];
    if (blob === undefined) return Promise.reject(new Error(`no blob ${key}`));
    this.opened.push(key);
    return Promise.resolve({ stream: Readable.from([blob.data]), compression: blob.compression });
  }

  readManifest(key: string): Promise<ImageManifest> {
    const m = this.manifests[key];
    return m === undefined ? Promise.reject(new Error(`no manifest ${key}`)) : Promise.resolve(m);
  }
}

export function tree(id: string, imageKey: string): TreeRecord {
  return { id, rootfs: `/nonexistent/${id}/rootfs`, imageKey, hash: 'sha512-00', size: 0 };
}
