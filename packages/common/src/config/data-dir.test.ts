import { mkdir, realpath, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir.js';
import { makeTempDir, removeTempDir } from './test-tree.js';

let root: string;
beforeEach(async () => {
  root = await makeTempDir('rkt-common-datadir-');
});
afterEach(async () => {
  await removeTempDir(root);
});

describe('resolveDataDir', () => {
  it('prefers --dir, then paths.d data, in that order', async () => {
    const real = join(root, 'real');
    await mkdir(real);
    expect(await resolveDataDir(real, { paths: { data: '/nonexistent/x' } })).toBe(real);
    expect(await resolveDataDir(undefined, { paths: { data: real } })).toBe(real);
    expect(await resolveDataDir('', { paths: { data: real } })).toBe(real);
  });

  it('defaults to /var/lib/rkt', async () => {
    const expected = await realpath('/var/lib/rkt').catch(() => '/var/lib/rkt');
    expect(await resolveDataDir(undefined, { paths: {} })).toBe(expected);
  });

  it('resolves symlinks and keeps a missing path as is', async () => {
    const real = join(root, 'real');
    await mkdir(real);
    await symlink(real, join(root, 'link'));
    expect(await resolveDataDir(join(root, 'link'), { paths: {} })).toBe(real);
    expect(await resolveDataDir(join(root, 'missing', 'x'), { paths: {} })).toBe(join(root, 'missing', 'x'));
  });
});
