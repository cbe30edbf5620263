import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsyncDir, writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rkt-common-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file with the data and leaves no temp file behind', async () => {
    const path = join(dir, 'state.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('replaces existing content and writes bytes', async () => {
    const path = join(dir, 'blob');
    await writeFile(path, 'old content that is longer');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]), { fsync: false });
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });

  it('applies the exact mode regardless of the umask', async () => {
    const path = join(dir, 'secret');
    const old = process.umask(0o077);
    try {
      await writeFileAtomic(path, 'x', { mode: 0o644 });
    } finally {
      process.umask(old);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o644);
  });

  it('fails when the directory does not exist and leaves nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temp file when the rename fails', async () => {
    const target = join(dir, 'adir');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['adir']);
  });
});

describe('fsyncDir', () => {
  it('syncs an existing directory', async () => {
    await expect(fsyncDir(dir)).resolves.toBeUndefined();
  });
  it('rejects a missing one', async () => {
    await expect(fsyncDir(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
