import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const images = testImages();
const tempDir = useTempDirs('rkt-e2e-image-extract-');
const key = (id: string) => id.slice(0, 'sha512-'.length + 64);

/** A data dir with base and layered (which depends on base), and a scratch dir beside it. */
async function layeredStore(): Promise<{ dir: string; out: string }> {
  const dir = await tempDir();
  const r = await rkt([
    `--dir=${dir}`,
    '--insecure-options=image',
    'fetch',
    images.base.path,
    images.layered.path,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, out: await tempDir() };
}

const files = (root: string) =>
  execFileSync('find', ['.', '-mindepth', '1'], { cwd: root, encoding: 'utf8' }).trim().split('\n').sort();

describe('rkt image extract', () => {
  it('writes only the image itself (no dependencies): manifest + rootfs/', async () => {
    const { dir, out } = await layeredStore();
    const target = join(out, 'layered');
    const r = await rkt([`--dir=${dir}`, 'image', 'extract', 'example.com/layered', target]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(files(target)).toEqual([
      './manifest',
      './rootfs',
      './rootfs/opt',
      './rootfs/opt/app',
      './rootfs/opt/app/hello',
    ]);
    expect(((await stat(join(target, 'rootfs/opt/app/hello'))).mode & 0o777).toString(8)).toBe('755');
    const manifest = await rkt([
      `--dir=${dir}`,
      'image',
      'cat-manifest',
      '--pretty-print=false',
      'example.com/layered',
    ]);
    expect(await readFile(join(target, 'manifest'), 'utf8')).toBe(manifest.stdout.trimEnd());
  });

  it('--rootfs-only writes the rootfs as DIR; an existing non-empty DIR needs --overwrite', async () => {
    const { dir, out } = await layeredStore();
    await writeFile(join(out, 'stale'), 'x');
    const refused = await rkt([
      `--dir=${dir}`,
      'image',
      'extract',
      '--rootfs-only',
      'example.com/layered',
      out,
    ]);
    expect(refused).toMatchObject({
      code: 254,
      stderr: 'extract: output directory exists (try --overwrite)\n',
    });
    const r = await rkt([
      `--dir=${dir}`,
      'image',
      'extract',
      '--rootfs-only',
      '--overwrite',
      'example.com/layered',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(files(out)).toEqual(['./opt', './opt/app', './opt/app/hello']);
  });

  it('refuses /', async () => {
    const { dir } = await layeredStore();
    const r = await rkt([`--dir=${dir}`, 'image', 'extract', '--overwrite', 'example.com/layered', '/']);
    expect(r).toMatchObject({
      code: 254,
      stderr: 'extract: this would delete your root filesystem. Refusing.\n',
    });
  });
});

describe('rkt image render', () => {
  it('writes the image with its dependencies, as a pod would see it', async () => {
    const { dir, out } = await layeredStore();
    const target = join(out, 'rendered');
    const r = await rkt([`--dir=${dir}`, 'image', 'render', 'example.com/layered', target]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await readdir(target)).sort()).toEqual(['manifest', 'rootfs']);
    expect(await readFile(join(target, 'rootfs/opt/app/hello'), 'utf8')).toContain(
      'hello from a layered image',
    );
    expect((await stat(join(target, 'rootfs/bin/busybox'))).isFile()).toBe(true);
    const onlyRootfs = join(out, 'rootfs-only');
    await mkdir(onlyRootfs);
    const r2 = await rkt([
      `--dir=${dir}`,
      'image',
      'render',
      '--rootfs-only',
      'example.com/layered',
      onlyRootfs,
    ]);
    expect(r2.code, r2.stderr).toBe(0);
    expect((await readdir(onlyRootfs)).sort()).toEqual((await readdir(join(target, 'rootfs'))).sort());
  });
});

describe('rkt image verify', () => {
  it('says not rendered, then verified after a render, and repairs a tampered tree', async () => {
    const { dir, out } = await layeredStore();
    const layeredKey = key(images.layered.id);
    await rkt([`--dir=${dir}`, 'image', 'gc']);
    expect(await rkt([`--dir=${dir}`, 'image', 'verify', 'example.com/layered'])).toMatchObject({
      code: 0,
      stdout: 'image "example.com/layered" not rendered; no verification needed\n',
      stderr: '',
    });
    expect((await rkt([`--dir=${dir}`, 'image', 'render', 'example.com/layered', join(out, 'r')])).code).toBe(
      0,
    );
    const verified = `successfully verified checksum for image: "example.com/layered" ("${layeredKey}")\n`;
    expect(await rkt([`--dir=${dir}`, 'image', 'verify', 'example.com/layered'])).toMatchObject({
      code: 0,
      stdout: verified,
    });

    const treeDir = join(dir, 'cas/tree');
    let tampered = '';
    for (const id of await readdir(treeDir)) {
      const image = await readFile(join(treeDir, id, 'image'), 'utf8').catch(() => '');
      if (image.trim() === layeredKey) tampered = join(treeDir, id, 'rootfs/opt/app/hello');
    }
    expect(tampered).not.toBe('');
    const original = await readFile(tampered, 'utf8');
    await appendFile(tampered, 'echo tampered\n');
    const repaired = await rkt([`--dir=${dir}`, 'image', 'verify', 'example.com/layered']);
    expect(repaired).toMatchObject({
      code: 0,
      stdout:
        'tree cache verification failed for image example.com/layered: tree hash mismatch; rebuilt the tree\n',
    });
    expect(await readFile(tampered, 'utf8')).toBe(original);
    expect((await rkt([`--dir=${dir}`, 'image', 'verify', 'example.com/layered'])).stdout).toBe(verified);
  });

  it('stops with 254 at an image it cannot resolve', async () => {
    const { dir } = await layeredStore();
    const r = await rkt([
      `--dir=${dir}`,
      'image',
      'verify',
      'example.com/base',
      'sha512-0000',
      'example.com/layered',
    ]);
    expect(r.code).toBe(254);
    expect(r.stdout).toMatch(
      /^(successfully verified checksum for image: "example\.com\/base"|image "example\.com\/base" not rendered)[^\n]*\n$/,
    );
    expect(r.stderr).toBe('verify: unable to resolve store key for image sha512-0000: no image IDs found\n');
  });
});
