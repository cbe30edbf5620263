import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, lchown, link, lstat, lutimes, mkdir, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { AciEntry } from '@rkt/appc';
import { RktError } from '@rkt/common';
import { isSystemError } from './errors.js';

const run = promisify(execFile);

export interface DirWriterOptions {
  /** restore owners (root only) */
  chown: boolean;
  /** write only rootfs/, its content at the top of the directory */
  rootfsOnly: boolean;
}

interface DirMeta {
  path: string;
  entry: AciEntry;
}

/**
 * Writes ACI members (as readAci reports them: clean, unique names inside the archive) below `root`,
 * which must be empty. Nothing is ever written through a symlink or outside `root`: every parent is
 * checked to be a real directory, and existing paths are never replaced. Directory modes and times
 * are applied by finish(), after their content.
 */
export class DirWriter {
  /** paths relative to root known to be real directories */
  private readonly dirs = new Set<string>(['']);
  private readonly dirMeta: DirMeta[] = [];

  constructor(
    private readonly root: string,
    private readonly opts: DirWriterOptions,
  ) {}

  async write(entry: AciEntry, body: Readable): Promise<void> {
    const rel = this.relative(entry.path);
    if (rel !== undefined) await this.place(rel, entry, body);
    body.resume();
    await finished(body);
  }

  async finish(): Promise<void> {
    const deepestFirst = [...this.dirMeta].sort((a, b) => b.path.length - a.path.length);
    for (const { path, entry } of deepestFirst) await this.restore(path, entry);
  }

  /** Where an archive path lands, relative to root; undefined when it is not written. */
  private relative(path: string): string | undefined {
    if (!this.opts.rootfsOnly) return path;
    if (path === 'rootfs') return '';
    return path.startsWith('rootfs/') ? path.slice('rootfs/'.length) : undefined;
  }

  private async place(rel: string, entry: AciEntry, body: Readable): Promise<void> {
    await this.ensureParents(rel, entry.path);
    const target = join(this.root, rel);
    switch (entry.type) {
      case 'directory':
        if (!this.dirs.has(rel)) await mkdir(target, 0o700);
        this.dirs.add(rel);
        this.dirMeta.push({ path: target, entry });
        return;
      case 'file':
        await pipeline(body, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
        break;
      case 'symlink':
        await symlink(entry.linkname ?? '', target);
        break;
      case 'link': {
        const source = this.relative(entry.linkname ?? '');
        if (source === undefined) throw unsafe(entry.path, `its target "${entry.linkname}" is not extracted`);
        await link(join(this.root, source), target);
        return;
      }
      case 'fifo':
        await run('mknod', [target, 'p']);
        break;
      default:
        await run('mknod', [
          target,
          entry.type === 'block-device' ? 'b' : 'c',
          String(entry.devmajor),
          String(entry.devminor),
        ]);
    }
    await this.restore(target, entry);
  }

  private async restore(path: string, entry: AciEntry): Promise<void> {
    if (this.opts.chown) await lchown(path, entry.uid, entry.gid);
    if (entry.type === 'symlink') {
      await lutimes(path, entry.mtime, entry.mtime);
      return;
    }
    await chmod(path, entry.mode);
    await utimes(path, entry.mtime, entry.mtime);
  }

  private async ensureParents(rel: string, name: string): Promise<void> {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (this.dirs.has(dir)) continue;
      const st = await lstat(join(this.root, dir)).catch((err: unknown) => {
        if (isSystemError(err) && err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (st === undefined) await mkdir(join(this.root, dir), 0o755);
      else if (!st.isDirectory()) throw unsafe(name, `"${dir}" is not a directory`);
      this.dirs.add(dir);
    }
  }
}

function unsafe(name: string, reason: string): RktError {
  return new RktError('ACI_UNSAFE', `refusing to extract "${name}": ${reason}`);
}
