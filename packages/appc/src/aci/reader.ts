import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import { decodeImageManifest, MAX_MANIFEST_BYTES, type ImageManifest } from '../schema/index.js';
import { decompress, detectCompression, SNIFF_BYTES, type Compression } from './compression.js';
import { cleanEntryName, isUnderRootfs } from './entry-path.js';
import { ENTRY_TYPES, type AciEntry, type AciEntryType } from './entry.js';
import { aciError } from './errors.js';
import { Sha512Meter } from './hashing.js';
import { imageIdFromDigest } from './image-id.js';
import { sniff } from './sniff.js';

export interface ReadAciOptions {
  /**
   * Called for every member in archive order, with its body (empty for non-files). The callback
   * must consume `body` before resolving. Throwing aborts the read with that error.
   */
  onEntry?: (entry: AciEntry, body: Readable) => Promise<void>;
}

export interface AciSummary {
  manifest: ImageManifest;
  /** `sha512-` + 128 hex of the uncompressed tar */
  imageId: string;
  compression: Compression;
  /** bytes of the uncompressed tar */
  tarSize: number;
  entries: number;
}

/**
 * Read an ACI in one streaming pass: detect its compression, hash the uncompressed tar, check its
 * structure (a `manifest` file and a `rootfs` directory, nothing else at the top, no duplicate or
 * escaping names, hardlinks only to earlier members) and validate the manifest. Nothing is written;
 * callers extract through `onEntry`.
 */
export async function readAci(input: Readable, options: ReadAciOptions = {}): Promise<AciSummary> {
  const { head, stream } = await sniff(input, SNIFF_BYTES);
  const compression = detectCompression(head);
  if (compression === undefined)
    throw aciError('not an ACI: unknown file type (expected a tar, gzip, bzip2 or xz)');
  const meter = new Sha512Meter();
  const tar = extract();
  const plain = decompress(stream, compression);
  plain.on('error', (e) => tar.destroy(e));
  plain.pipe(meter).pipe(tar as unknown as NodeJS.WritableStream);

  const seen = new Set<string>();
  let manifestBytes: Buffer | undefined;
  let hasRootfs = false;
  let count = 0;
  try {
    for await (const source of tar) {
      const member = source as unknown as Readable;
      const entry = toEntry(source.header, seen);
      seen.add(entry.path);
      count++;
      if (entry.path === 'rootfs') {
        if (entry.type !== 'directory') throw aciError('not an ACI: "rootfs" is not a directory');
        hasRootfs = true;
      }
      if (entry.path === 'manifest') {
        if (entry.type !== 'file') throw aciError('not an ACI: "manifest" is not a regular file');
        manifestBytes = await readSmall(member, MAX_MANIFEST_BYTES);
      } else if (options.onEntry) {
        await options.onEntry(entry, member);
      } else {
        member.resume();
      }
    }
  } catch (e) {
    plain.destroy();
    input.destroy();
    throw wrapTarError(e);
  }
  if (manifestBytes === undefined) throw aciError('not an ACI: no manifest found');
  if (!hasRootfs) throw aciError('not an ACI: no rootfs directory found');
  const manifest = decodeImageManifest(manifestBytes);
  return {
    manifest,
    imageId: imageIdFromDigest(meter.digest()),
    compression,
    tarSize: meter.bytes,
    entries: count,
  };
}

function toEntry(h: Header, seen: ReadonlySet<string>): AciEntry {
  const path = cleanEntryName(h.name);
  if (path !== 'manifest' && !isUnderRootfs(path)) {
    throw aciError(`not an ACI: entry "${path}" is outside rootfs/ (an ACI holds only manifest and rootfs/)`);
  }
  if (!ENTRY_TYPES.has(h.type ?? 'file')) throw aciError(`entry "${path}" has unsupported type ${h.type}`);
  if (seen.has(path)) throw aciError(`duplicate entry "${path}"`);
  const type = (h.type ?? 'file') as AciEntryType;
  let linkname = h.linkname ?? undefined;
  if (type === 'link') {
    const target = cleanEntryName(linkname ?? '');
    if (!isUnderRootfs(target) || target === 'rootfs') {
      throw aciError(`hardlink "${path}" points outside rootfs/: "${linkname}"`);
    }
    if (!seen.has(target)) throw aciError(`hardlink "${path}" points to missing "${target}"`);
    linkname = target;
  }
  if (type === 'symlink' && !linkname) throw aciError(`symlink "${path}" has no target`);
  return {
    path,
    type,
    mode: (h.mode ?? 0) & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    mtime: h.mtime ?? new Date(0),
    size: type === 'file' ? (h.size ?? 0) : 0,
    ...(linkname === undefined ? {} : { linkname }),
    devmajor: h.devmajor ?? 0,
    devminor: h.devminor ?? 0,
    xattrs: xattrsOf(h.pax as Record<string, string> | null | undefined),
  };
}

function xattrsOf(pax: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pax ?? {})) {
    if (k.startsWith('SCHILY.xattr.')) out[k.slice('SCHILY.xattr.'.length)] = v;
  }
  return out;
}

async function readSmall(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) throw aciError(`manifest is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function wrapTarError(e: unknown): unknown {
  if (!(e instanceof Error) || 'code' in e) return e;
  if (/Unexpected end of data/.test(e.message))
    return aciError('truncated archive: unexpected end of data', e);
  if (/checksum|header|format/i.test(e.message))
    return aciError(`not an ACI: malformed tar (${e.message})`, e);
  return e;
}
