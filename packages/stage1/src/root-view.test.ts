import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileInView, resolveInView } from './root-view.js';
import { makeTree, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();

async function tree() {
  const dir = await tempDir();
  const host = join(dir, 'host-secret');
  await writeFile(host, 'host file\n');
  const root = await makeTree(join(dir, 'root'), {
    'etc/os': 'image file\n',
    'usr/lib/x': 'lib\n',
    'abs-escape': { link: host },
    'rel-escape': { link: '../../../../../../../host-secret' },
    'dotdot-dir': { link: '/usr/../../../etc' },
    lib: { link: 'usr/lib' },
    'loop-a': { link: 'loop-b' },
    'loop-b': { link: 'loop-a' },
    'file-parent': 'x',
    'dir/link-up': { link: '../etc/os' },
  });
  return { root, host };
}

describe('resolveInView', () => {
  it.each([
    ['/etc/os', '/etc/os', 'file'],
    ['etc/./os', '/etc/os', 'file'],
    ['/lib/x', '/usr/lib/x', 'file'],
    ['/dir/link-up', '/etc/os', 'file'],
    ['/dotdot-dir/os', '/etc/os', 'file'],
    ['/../../etc/os', '/etc/os', 'file'],
    ['/', '/', 'dir'],
  ])('%s resolves inside the root to %s', async (path, expected, kind) => {
    const { root } = await tree();
    const r = await resolveInView({ root }, path);
    expect(r.kind).toBe(kind);
    expect(r.path).toBe(expected);
  });

  it('never follows a symlink out of the root, absolute or relative', async () => {
    const { root, host } = await tree();
    const abs = await resolveInView({ root }, '/abs-escape');
    expect(abs).toMatchObject({ kind: 'missing', reason: 'missing', path: host });
    expect(await resolveInView({ root }, '/rel-escape')).toMatchObject({
      kind: 'missing',
      path: '/host-secret',
    });
    expect(await readFileInView({ root }, '/abs-escape')).toBeUndefined();
  });

  it('reports loops, non-directory parents and missing tails', async () => {
    const { root } = await tree();
    expect(await resolveInView({ root }, '/loop-a')).toMatchObject({ kind: 'missing', reason: 'loop' });
    expect(await resolveInView({ root }, '/file-parent/x')).toMatchObject({
      kind: 'missing',
      reason: 'notdir',
    });
    expect(await resolveInView({ root }, '/lib/new/deeper')).toEqual({
      kind: 'missing',
      reason: 'missing',
      path: '/usr/lib/new/deeper',
    });
  });

  it('can stop at a final symlink', async () => {
    const { root } = await tree();
    expect(await resolveInView({ root }, '/lib', { followLast: false })).toMatchObject({
      kind: 'symlink',
      path: '/lib',
    });
  });

  it('sees mounts: host sources, empty volumes, and the directories leading to mount points', async () => {
    const { root } = await tree();
    const vol = await makeTree(join(await tempDir(), 'vol'), {
      'bin/tool': 'x',
      'up/link': { link: '/etc/os' },
    });
    const view = {
      root,
      mounts: [
        { target: '/data', source: vol },
        { target: '/new/empty', source: undefined },
      ],
    };
    expect(await resolveInView(view, '/data/bin/tool')).toMatchObject({
      kind: 'file',
      hostPath: join(vol, 'bin/tool'),
    });
    expect(await resolveInView(view, '/data/up/link')).toMatchObject({ kind: 'file', path: '/etc/os' });
    expect(await resolveInView(view, '/new')).toMatchObject({ kind: 'dir' });
    expect(await resolveInView(view, '/new/empty')).toMatchObject({ kind: 'dir' });
    expect(await resolveInView(view, '/new/empty/x')).toMatchObject({ kind: 'missing' });
  });
});
