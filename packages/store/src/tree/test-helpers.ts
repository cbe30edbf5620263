import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AciEntry, AciEntryType } from '@rkt/appc';
import { TreeWriter, type ImageWhitelists } from './index.js';

export const MTIME = new Date('2020-01-02T03:04:05Z');

export interface Spec extends Partial<Omit<AciEntry, 'path'>> {
  path: string;
  body?: string | Buffer;
}

export interface ImageSpec {
  whitelists?: ImageWhitelists;
  entries: Spec[];
}

const DEFAULT_MODES: Partial<Record<AciEntryType, number>> = { directory: 0o755, symlink: 0o777 };

export function entry(spec: Spec): AciEntry {
  const { body, ...rest } = spec;
  const type = spec.type ?? 'file';
  return {
    type,
    mode: DEFAULT_MODES[type] ?? 0o644,
    uid: 0,
    gid: 0,
    mtime: MTIME,
    size: body === undefined ? 0 : Buffer.byteLength(body),
    devmajor: 0,
    devminor: 0,
    xattrs: {},
    ...rest,
  };
}

export function bodyOf(spec: Spec): Readable {
  return Readable.from(spec.body === undefined ? [] : [Buffer.from(spec.body)]);
}

export const dir = (path: string, mode = 0o755): Spec => ({ path, type: 'directory', mode });
export const file = (path: string, body: string, mode = 0o644): Spec => ({ path, body, mode });
export const symlink = (path: string, linkname: string): Spec => ({ path, type: 'symlink', linkname });
export const hardlink = (path: string, linkname: string): Spec => ({ path, type: 'link', linkname });

export function isRoot(): boolean {
  return process.geteuid?.() === 0;
}

/** Write images (top first) with a fresh writer; chown defaults to "running as root". */
export async function render(
  rootfs: string,
  images: ImageSpec[],
  chown = isRoot(),
): Promise<{ hash: string; size: number; writer: TreeWriter }> {
  const writer = new TreeWriter(rootfs, { chown });
  for (const image of images) {
    writer.beginImage(image.whitelists);
    for (const spec of image.entries) await writer.write(entry(spec), bodyOf(spec));
  }
  return { ...(await writer.finish()), writer };
}

/** Temp dirs for one test file: `make()` in tests, `cleanup()` in afterEach. */
export class Temp {
  private readonly dirs: string[] = [];

  make(): { top: string; rootfs: string; outside: string } {
    const top = mkdtempSync(join(tmpdir(), 'rkt-tree-'));
    this.dirs.push(top);
    const outside = join(top, 'outside');
    mkdirSync(outside);
    return { top, rootfs: join(top, 'rootfs'), outside };
  }

  cleanup(): void {
    for (const d of this.dirs.splice(0)) {
      if (!isRoot()) openUp(d);
      rmSync(d, { recursive: true, force: true });
    }
  }
}

/** Tests leave read-only directories behind; only root may delete inside them as they are. */
function openUp(path: string): void {
  if (!lstatSync(path).isDirectory()) return;
  chmodSync(path, 0o700);
  for (const name of readdirSync(path)) openUp(join(path, name));
}

export function listing(dirPath: string): string[] {
  return readdirSync(dirPath, { recursive: true }).map(String).sort();
}
