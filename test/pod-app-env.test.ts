// What an app sees, set through real `rkt run` flags, as root: environment, user and groups,
// volumes (host and empty, read-only), working directory, a read-only rootfs, a layered image.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mountsUnder, podDirsLeft, rktIn, testImages, usePodDirs } from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-env-');
const images = testImages();

/** `rkt run` of busybox with pod flags, then `sh -c script` with app flags. */
function runSh(dir: string, podFlags: string[], appFlags: string[], script: string) {
  return rktIn(dir, [
    '--insecure-options=image',
    'run',
    ...podFlags,
    images.busybox.path,
    ...appFlags,
    '--exec=/bin/sh',
    '--',
    '-c',
    script,
  ]);
}

describe('what the app sees', () => {
  it('environment: the image, --set-env, --environment, AC_APP_NAME; nothing else from the host', async () => {
    process.env.RKT_E2E_HOST_ONLY = 'leak';
    try {
      const r = await runSh(
        await tempDir(),
        ['--set-env=POD_LEVEL=p', '--set-env=GREETING=overridden'],
        ['--environment=APP_LEVEL=a b'],
        'echo "$GREETING|$POD_LEVEL|$APP_LEVEL|$AC_APP_NAME|${RKT_E2E_HOST_ONLY:-unset}|$PATH"',
      );
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(
        'overridden|p|a b|busybox|unset|/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n',
      );
    } finally {
      delete process.env.RKT_E2E_HOST_ONLY;
    }
  });

  it('user, group, supplementary groups and working directory', async () => {
    const r = await runSh(
      await tempDir(),
      [],
      ['--user=1234', '--group=2345', '--supplementary-gids=10,20', '--working-dir=/tmp'],
      'id -u; id -g; id -G; pwd',
    );
    expect(r).toMatchObject({ code: 0, stdout: '1234\n2345\n2345 10 20\n/tmp\n' });
  });

  it("the image's named user and working directory", async () => {
    const dir = await tempDir();
    const r = await rktIn(dir, ['--insecure-options=image', 'run', images.busyboxUser.path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^uid=\d+\(app\) gid=\d+\(app\)/);
  });

  it('host and empty volumes, read-only or not', async () => {
    const dir = await tempDir();
    const host = join(dir, 'host-vol');
    await mkdir(host);
    await writeFile(join(host, 'in'), 'from the host\n');
    const script =
      'cat /data/in; echo from-app > /data/out; echo scratch > /scratch/f; cat /scratch/f; ' +
      'echo x > /ro/x 2>/dev/null || echo ro-refused; cat /ro/in';
    const r = await runSh(
      dir,
      [
        `--volume=data,kind=host,source=${host}`,
        `--volume=ro,kind=host,source=${host},readOnly=true`,
        '--volume=scratch,kind=empty',
      ],
      [
        '--mount=volume=data,target=/data',
        '--mount=volume=ro,target=/ro',
        '--mount=volume=scratch,target=/scratch',
      ],
      script,
    );
    expect(r).toMatchObject({ code: 0, stdout: 'from the host\nscratch\nro-refused\nfrom the host\n' });
    expect(await readFile(join(host, 'out'), 'utf8')).toBe('from-app\n');
    expect(mountsUnder(dir)).toEqual([]);
    expect((await rktIn(dir, ['gc', '--grace-period=0s'])).code).toBe(0);
    expect(podDirsLeft(dir)).toEqual([]);
    expect(await readFile(join(host, 'in'), 'utf8')).toBe('from the host\n');
  });

  it('--readonly-rootfs', async () => {
    const r = await runSh(
      await tempDir(),
      [],
      ['--readonly-rootfs=true'],
      'touch /etc/x 2>/dev/null && echo written || echo refused',
    );
    expect(r).toMatchObject({ code: 0, stdout: 'refused\n' });
  });

  it('a layered image: its own files and its dependency’s', async () => {
    const dir = await tempDir();
    // the dependency comes from the store (fetched by file), never through discovery on the network
    const fetched = await rktIn(dir, ['--insecure-options=image', 'fetch', images.base.path]);
    expect(fetched.code, fetched.stderr).toBe(0);
    const r = await rktIn(dir, ['--insecure-options=image', 'run', images.layered.path]);
    expect(r).toMatchObject({ code: 0, stdout: 'hello from a layered image\n' });
    const both = await rktIn(dir, [
      '--insecure-options=image',
      'run',
      images.layered.path,
      '--exec=/bin/sh',
      '--',
      '-c',
      'cat /opt/app/hello | head -1; cat /etc/motd',
    ]);
    expect(both).toMatchObject({ code: 0, stdout: '#!/bin/sh\nrkt-ts busybox test image\n' });
  });
});
