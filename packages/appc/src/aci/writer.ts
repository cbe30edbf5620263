import { createReadStream, readFileSync, readlinkSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as createPack, type Header, type Pack } from 'tar-stream';
import { encodeImageManifest, type ImageManifest } from '../schema/index.js';
import { compress, type Compression } from './compression.js';
import { Sha512Meter } from './hashing.js';
import { imageIdFromDigest } from './image-id.js';
import { walkTree, type TreeEntry } from './walk.js';

type EntryHeader = Partial<Header> & Pick<Header, 'name'>;

export interface AciSource {
  manifest: ImageManifest;
  /** directory whose contents become `rootfs/` */
  rootfs: string;
}

export interface WriteAciOptions {
  compression?: Compression;
  /** mtime of the `manifest` member; also the upper clamp for file mtimes when `clampMtimes` */
  manifestMtime?: Date;
  /** clamp every mtime to `manifestMtime` (SOURCE_DATE_EPOCH semantics) */
  clampMtimes?: boolean;
  onWarning?: (message: string) => void;
}

export interface WrittenAci {
  imageId: string;
  tarSize: number;
  entries: number;
}

/** Files up to this size are read whole (synchronously: see walk.ts); larger ones are streamed so
 * memory stays bounded. */
const BUFFERED_FILE_LIMIT = 4 << 20;

/**
 * Write an ACI: the canonical manifest first (readers find it without scanning), then `rootfs` and
 * its tree in sorted order, keeping modes (with setuid bits), owners, mtimes, hardlinks, symlinks and
 * device nodes. Owner names are not recorded, so the archive does not depend on the build host's
 * user database. Returns the image ID of the uncompressed tar.
 */
export async function writeAci(
  source: AciSource,
  out: Writable,
  options: WriteAciOptions = {},
): Promise<WrittenAci> {
  const pack = createPack();
  const meter = new Sha512Meter();
  pack.pipe(meter as unknown as NodeJS.WritableStream);
  const written = pipeline(compress(meter, options.compression ?? 'gzip'), out);
  let entries = 0;
  try {
    const manifestMtime = options.manifestMtime ?? new Date(0);
    const clamp = options.clampMtimes ? manifestMtime : undefined;
    await addEntry(
      pack,
      { name: 'manifest', type: 'file', mode: 0o644, mtime: manifestMtime },
      encodeImageManifest(source.manifest),
    );
    entries++;
    const hardlinks = new Map<string, string>();
    for await (const node of walkTree(source.rootfs)) {
      const name = node.rel === '' ? 'rootfs' : `rootfs/${node.rel}`;
      if (await addNode(pack, name, node, hardlinks, clamp, options.onWarning)) entries++;
    }
    pack.finalize();
  } catch (e) {
    pack.destroy(e as Error);
    await written.catch(() => undefined);
    throw e;
  }
  await written;
  return { imageId: imageIdFromDigest(meter.digest()), tarSize: meter.bytes, entries };
}

async function addNode(
  pack: Pack,
  name: string,
  { abs, stat }: TreeEntry,
  hardlinks: Map<string, string>,
  clamp: Date | undefined,
  warn: ((m: string) => void) | undefined,
): Promise<boolean> {
  const base: EntryHeader = {
    name,
    mode: stat.mode,
    uid: stat.uid,
    gid: stat.gid,
    mtime: clamp && stat.mtime > clamp ? clamp : new Date(Math.floor(stat.mtimeMs / 1000) * 1000),
  };
  // Directory names end in "/" as GNU tar and Go's archive/tar write them.
  if (stat.isDirectory()) return addEntry(pack, { ...base, name: `${name}/`, type: 'directory' });
  if (stat.isSymbolicLink()) return addEntry(pack, { ...base, type: 'symlink', linkname: readlinkSync(abs) });
  if (stat.isCharacterDevice() || stat.isBlockDevice()) {
    const type = stat.isCharacterDevice() ? 'character-device' : 'block-device';
    return addEntry(pack, { ...base, type, devmajor: major(stat.rdev), devminor: minor(stat.rdev) });
  }
  if (stat.isFIFO()) return addEntry(pack, { ...base, type: 'fifo' });
  if (!stat.isFile()) {
    warn?.(`skipping ${abs}: sockets cannot be stored in an image`);
    return false;
  }
  if (stat.nlink > 1) {
    const key = `${stat.dev}:${stat.ino}`;
    const first = hardlinks.get(key);
    if (first !== undefined) return addEntry(pack, { ...base, type: 'link', linkname: first });
    hardlinks.set(key, name);
  }
  const header: EntryHeader = { ...base, type: 'file', size: stat.size };
  if (stat.size <= BUFFERED_FILE_LIMIT) return addEntry(pack, header, readFileSync(abs));
  await new Promise<void>((resolve, reject) => {
    const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    createReadStream(abs)
      .on('error', reject)
      .pipe(sink as unknown as NodeJS.WritableStream);
  });
  return true;
}

function addEntry(pack: Pack, header: EntryHeader, body?: Buffer | string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error | null) => (err ? reject(err) : resolve(true));
    if (body === undefined) pack.entry(header, done);
    else pack.entry(header, body, done);
  });
}

/** glibc's encoding of dev_t (gnu_dev_major / gnu_dev_minor). */
function major(dev: number): number {
  return Number(((BigInt(dev) >> 8n) & 0xfffn) | ((BigInt(dev) >> 32n) & ~0xfffn));
}

function minor(dev: number): number {
  return Number((BigInt(dev) & 0xffn) | ((BigInt(dev) >> 12n) & ~0xffn));
}
