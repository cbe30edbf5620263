import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExec } from './exec-lookup.js';
import { IMAGE_TREE, makeTree, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();

async function view() {
  const dir = await tempDir();
  const hostBin = join(dir, 'host-tool');
  await writeFile(hostBin, '#!/bin/sh\n', { mode: 0o755 });
  const root = await makeTree(join(dir, 'rootfs'), {
    ...IMAGE_TREE,
    'opt/app/run': { file: '', mode: 0o755 },
    'opt/app/bin/tool': { file: '', mode: 0o755 },
    'bin/escape': { link: hostBin },
    'bin/escape-rel': { link: '../../../../../../host-tool' },
    'usr/local/bin/viasym': { link: '/opt/app/run' },
  });
  return { root, hostBin };
}

const PATH = (value: string) => [{ name: 'PATH', value }];

describe('resolveExec', () => {
  it.each([
    [['/bin/sh', '-c', 'x'], '/', undefined, ['/bin/sh', '-c', 'x']],
    [['bin/tool', 'a'], '/opt/app', undefined, ['/opt/app/bin/tool', 'a']],
    [['./run'], '/opt/app', undefined, ['/opt/app/run']],
    [['sh'], '/', undefined, ['/bin/sh']],
    [['ls'], '/', undefined, ['/bin/ls']],
    [['run'], '/opt/app', undefined, ['/opt/app/run']],
    [['env'], '/', PATH('/nowhere:/usr/bin'), ['/usr/bin/env']],
    [['viasym'], '/', PATH('/usr/local/bin'), ['/usr/local/bin/viasym']],
    [['tool'], '/opt/app', PATH('bin'), ['/opt/app/bin/tool']],
  ])('%j in %s (env %j) → %j', async (exec, wd, env, expected) => {
    expect(await resolveExec(await view(), 'a', exec, wd, env)).toEqual(expected);
  });

  it('skips non-executable files in the search path', async () => {
    await expect(resolveExec(await view(), 'a', ['notexec'], '/', undefined)).rejects.toMatchObject({
      code: 'APP_EXEC_NOT_FOUND',
    });
  });

  it('does not search the default PATH when the app sets its own', async () => {
    await expect(resolveExec(await view(), 'a', ['sh'], '/', PATH('/usr/bin'))).rejects.toThrow(
      'app "a": executable "sh" not found in PATH=/usr/bin',
    );
  });

  it.each([['/bin/escape'], ['/bin/escape-rel'], ['escape']])(
    'refuses %s: a symlink out of the rootfs leads to nothing',
    async (bin) => {
      const v = await view();
      await expect(resolveExec(v, 'web', [bin], '/', undefined)).rejects.toMatchObject({
        code: 'APP_EXEC_NOT_FOUND',
      });
    },
  );

  it('names the app and the path, and refuses an empty exec', async () => {
    await expect(resolveExec(await view(), 'web', ['/usr/bin/nope'], '/', undefined)).rejects.toThrow(
      'app "web": executable /usr/bin/nope not found in the app\'s root filesystem',
    );
    await expect(resolveExec(await view(), 'web', [], '/', undefined)).rejects.toMatchObject({
      code: 'APP_NO_EXEC',
    });
    await expect(resolveExec(await view(), 'web', undefined, '/', undefined)).rejects.toMatchObject({
      code: 'APP_NO_EXEC',
    });
  });

  it('finds programs on a mounted volume', async () => {
    const v = await view();
    const vol = await makeTree(join(await tempDir(), 'vol'), { 'bin/voltool': { file: '', mode: 0o755 } });
    const withVol = { ...v, mounts: [{ target: '/mnt/tools', source: vol }] };
    expect(await resolveExec(withVol, 'a', ['voltool'], '/', PATH('/mnt/tools/bin'))).toEqual([
      '/mnt/tools/bin/voltool',
    ]);
  });
});
