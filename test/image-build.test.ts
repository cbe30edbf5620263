import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rkt, run } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-build-');

async function busyboxTree(): Promise<string> {
  const dir = await tempDir();
  execFileSync('sh', [join(import.meta.dirname, '../scripts/busybox-rootfs.sh'), join(dir, 'rootfs')]);
  return dir;
}

function manifestOf(aci: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['-xzOf', aci, 'manifest'], { encoding: 'utf8' })) as Record<
    string,
    unknown
  >;
}

describe('rkt image build', () => {
  it('builds a busybox ACI that actool accepts, printing its image ID (sha512 of the uncompressed tar)', async () => {
    const dir = await busyboxTree();
    const out = join(dir, 'busybox.aci');
    const r = await rkt([
      'image',
      'build',
      join(dir, 'rootfs'),
      out,
      '--name=example.com/busybox',
      '--exec=/bin/sh',
      '--',
      '-c',
      'echo hi',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sum = execFileSync('sh', ['-c', `gzip -dc ${out} | sha512sum`], { encoding: 'utf8' }).split(' ')[0];
    expect(r.stdout).toBe(`sha512-${sum}\n`);
    const actool = await run('actool', ['--debug', 'validate', out]);
    expect(actool.stderr + actool.stdout).toContain('valid app container image');
    expect(actool.code).toBe(0);
    expect(manifestOf(out)).toEqual({
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'example.com/busybox',
      labels: [
        { name: 'os', value: 'linux' },
        { name: 'arch', value: 'amd64' },
      ],
      app: { exec: ['/bin/sh', '-c', 'echo hi'], user: '0', group: '0' },
    });
  });

  it('is reproducible: the same tree and flags give the same image ID', async () => {
    const dir = await busyboxTree();
    const args = ['--name=example.com/repro', '--label=version=1'];
    const a = await rkt(['image', 'build', join(dir, 'rootfs'), join(dir, 'a.aci'), ...args]);
    const b = await rkt([
      'image',
      'build',
      join(dir, 'rootfs'),
      join(dir, 'b.aci'),
      ...args,
      '--compression=xz',
    ]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('applies every manifest flag', async () => {
    const dir = await busyboxTree();
    const out = join(dir, 'full.aci');
    const r = await rkt([
      'image',
      'build',
      join(dir, 'rootfs'),
      out,
      '--name=example.com/full',
      '--label=version=2.0',
      '--label=arch=amd64',
      '--exec=/bin/sleep',
      '--user=app',
      '--group=users',
      '--working-dir=/home/app',
      '--env=A=1',
      '--env=B=x=y',
      '--mount-point=name=data,path=/data,readOnly=true',
      '--port=name=http,protocol=tcp,port=8080,count=2',
      '--annotation=authors=Jane Doe <jane@example.com>',
      '--dependency=example.com/base:1.0,os=linux',
      '--format=json',
      '--',
      '100',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { id: string; manifest: unknown };
    expect(printed.id).toMatch(/^sha512-[0-9a-f]{128}$/);
    const m = manifestOf(out);
    expect(printed.manifest).toEqual(m);
    expect(m).toMatchObject({
      name: 'example.com/full',
      labels: [
        { name: 'version', value: '2.0' },
        { name: 'arch', value: 'amd64' },
        { name: 'os', value: 'linux' },
      ],
      app: {
        exec: ['/bin/sleep', '100'],
        user: 'app',
        group: 'users',
        workingDirectory: '/home/app',
        environment: [
          { name: 'A', value: '1' },
          { name: 'B', value: 'x=y' },
        ],
        mountPoints: [{ name: 'data', path: '/data', readOnly: true }],
        ports: [{ name: 'http', protocol: 'tcp', port: 8080, count: 2 }],
      },
      dependencies: [
        {
          imageName: 'example.com/base',
          labels: [
            { name: 'version', value: '1.0' },
            { name: 'os', value: 'linux' },
          ],
        },
      ],
      annotations: [{ name: 'authors', value: 'Jane Doe <jane@example.com>' }],
    });
    expect((await run('actool', ['validate', out])).code).toBe(0);
  });

  it('builds from an image layout (manifest + rootfs/), flags overriding the manifest', async () => {
    const dir = await busyboxTree();
    await writeFile(
      join(dir, 'manifest'),
      JSON.stringify({ acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/layout' }),
    );
    const out = join(dir, 'layout.aci');
    const r = await rkt(['image', 'build', dir, out, '--label=version=3']);
    expect(r.code).toBe(0);
    expect(manifestOf(out)).toEqual({
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'example.com/layout',
      labels: [{ name: 'version', value: '3' }],
    });
  });

  it('writes to stdout with -', async () => {
    const dir = await busyboxTree();
    const r = await run('sh', [
      '-c',
      `${join(import.meta.dirname, '../bin/rkt')} image build ${dir}/rootfs - --name=example.com/x --compression=none | tar -tf - | head -3`,
    ]);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['manifest', 'rootfs/']);
  });

  it.each<[string, (dir: string) => Promise<string[]>, RegExp]>([
    [
      'a missing source',
      async (d) => [join(d, 'nope'), join(d, 'o.aci'), '--name=example.com/x'],
      /cannot read .*nope: no such directory/,
    ],
    [
      'a rootfs without --name',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci')],
      /has no manifest: give the image a --name/,
    ],
    [
      'a bad name',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--name=Example.com/X'],
      /^image build: name: .*Example\.com\/X/m,
    ],
    [
      'a forbidden label',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--name=example.com/x', '--label=name=x'],
      /labels\[0\]\.name/,
    ],
    [
      'an invalid os/arch pair',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--name=example.com/x', '--label=arch=x86_64'],
      /arch/,
    ],
    [
      'a relative working dir',
      async (d) => [
        join(d, 'rootfs'),
        join(d, 'o.aci'),
        '--name=example.com/x',
        '--exec=/bin/sh',
        '--working-dir=tmp',
      ],
      /app\.workingDirectory: .*absolute/,
    ],
    [
      'a malformed --env',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--name=example.com/x', '--env=NOEQUALS'],
      /--env=NOEQUALS: expected KEY=VALUE/,
    ],
    [
      'a malformed --port',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--name=example.com/x', '--port=name=http,port=x'],
      /--port=.*non-negative integer/,
    ],
    [
      'an unknown flag',
      async (d) => [join(d, 'rootfs'), join(d, 'o.aci'), '--bogus'],
      /Unknown argument: bogus/,
    ],
  ])('rejects %s with one clear line and 254, writing nothing', async (_what, argsOf, message) => {
    const dir = await busyboxTree();
    const before = await readdir(dir);
    const r = await rkt(['image', 'build', ...(await argsOf(dir))]);
    expect(r.code).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(await readdir(dir)).toEqual(before);
  });

  it('rejects a layout with an invalid manifest, naming the field', async () => {
    const dir = await busyboxTree();
    await writeFile(
      join(dir, 'manifest'),
      JSON.stringify({
        acKind: 'ImageManifest',
        acVersion: '0.8.11',
        name: 'example.com/x',
        app: { exec: ['/bin/sh'], user: '0' },
      }),
    );
    const r = await rkt(['image', 'build', dir, join(dir, '..', 'never.aci')]);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/^image build: app\.group: /m);
  });

  it.each([
    ['invalid JSON', '{"acKind": "ImageManifest",'],
    ['the wrong kind', JSON.stringify({ acKind: 'PodManifest', acVersion: '0.8.11', name: 'example.com/x' })],
    ['a bad acVersion', JSON.stringify({ acKind: 'ImageManifest', acVersion: 'v1', name: 'example.com/x' })],
  ])('rejects a layout manifest with %s', async (_what, text) => {
    const dir = await busyboxTree();
    await writeFile(join(dir, 'manifest'), text);
    const r = await rkt(['image', 'build', dir, join(dir, 'rootfs', 'never.aci')]);
    expect(r.code).toBe(254);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a layout with extra top-level entries', async () => {
    const dir = await busyboxTree();
    await writeFile(
      join(dir, 'manifest'),
      JSON.stringify({ acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/x' }),
    );
    await mkdir(join(dir, 'extra'));
    const r = await rkt(['image', 'build', dir, join(dir, 'rootfs', 'o.aci')]);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('"extra": a layout holds only manifest and rootfs/');
  });

  it('refuses to overwrite without --overwrite, and replaces atomically with it', async () => {
    const dir = await busyboxTree();
    const out = join(dir, 'o.aci');
    await writeFile(out, 'precious');
    const r = await rkt(['image', 'build', join(dir, 'rootfs'), out, '--name=example.com/x']);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('already exists (use --overwrite');
    expect(await readFile(out, 'utf8')).toBe('precious');
    const r2 = await rkt(['image', 'build', join(dir, 'rootfs'), out, '--name=example.com/x', '--overwrite']);
    expect(r2.code).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(100_000);
  });

  it('stores symlinks as symlinks, never following them out of the tree', async () => {
    const dir = await busyboxTree();
    await symlink('/etc/shadow', join(dir, 'rootfs', 'etc', 'evil'));
    const out = join(dir, 'o.aci');
    expect((await rkt(['image', 'build', join(dir, 'rootfs'), out, '--name=example.com/x'])).code).toBe(0);
    const listing = execFileSync('tar', ['-tzvf', out, 'rootfs/etc/evil'], { encoding: 'utf8' });
    expect(listing).toMatch(/^l.* rootfs\/etc\/evil -> \/etc\/shadow/);
  });

  it('warns when the exec path is missing from the rootfs', async () => {
    const dir = await busyboxTree();
    const r = await rkt([
      'image',
      'build',
      join(dir, 'rootfs'),
      join(dir, 'o.aci'),
      '--name=example.com/x',
      '--exec=/usr/bin/nothing',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('image build: app.exec[0] /usr/bin/nothing does not exist in the rootfs\n');
  });
});
