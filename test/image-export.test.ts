import { execFileSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const images = testImages();
const tempDir = useTempDirs('rkt-e2e-image-export-');

async function storeWith(...paths: string[]): Promise<string> {
  const dir = await tempDir();
  const r = await rkt([`--dir=${dir}`, '--insecure-options=image', 'fetch', ...paths]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

async function lastUsed(dir: string): Promise<number[]> {
  const r = await rkt([`--dir=${dir}`, 'image', 'list', '--format=json']);
  return (JSON.parse(r.stdout) as { last_used_time: number }[]).map((i) => i.last_used_time);
}

describe('rkt image export', () => {
  it('writes the uncompressed ACI, byte-identical to the gunzipped file, and marks the image used', async () => {
    const dir = await storeWith(images.busybox.path);
    const [before] = await lastUsed(dir);
    const out = join(dir, 'out.aci');
    const r = await rkt([`--dir=${dir}`, 'image', 'export', 'example.com/busybox', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    execFileSync('sh', ['-c', `gzip -dc "${images.busybox.path}" | cmp - "${out}"`]);
    const [after] = await lastUsed(dir);
    expect(after).toBeGreaterThan(before!);
  });

  it('refuses an existing file unless --overwrite', async () => {
    const dir = await storeWith(images.base.path, images.layered.path);
    const out = join(dir, 'layered.aci');
    await writeFile(out, 'keep me');
    const refused = await rkt([`--dir=${dir}`, 'image', 'export', images.layered.id.slice(0, 30), out]);
    expect(refused).toMatchObject({
      code: 254,
      stdout: '',
      stderr: 'export: output ACI file exists (try --overwrite)\n',
    });
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const r = await rkt([
      `--dir=${dir}`,
      'image',
      'export',
      '--overwrite',
      images.layered.id.slice(0, 30),
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    execFileSync('sh', ['-c', `gzip -dc "${images.layered.path}" | cmp - "${out}"`]);
  });

  it('fails with 254 for an unknown image, writing nothing', async () => {
    const dir = await storeWith(images.busybox.path);
    const r = await rkt([`--dir=${dir}`, 'image', 'export', 'sha512-00', join(dir, 'x.aci')]);
    expect(r).toMatchObject({ code: 254, stderr: 'export: no image IDs found\n' });
    await expect(stat(join(dir, 'x.aci'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('rkt image cat-manifest', () => {
  it('prints the manifest tab-indented, or on one line with --pretty-print=false', async () => {
    const dir = await storeWith(images.worker.path);
    const raw = execFileSync('tar', ['-xzOf', images.worker.path, 'manifest'], { encoding: 'utf8' });
    const compact = await rkt([
      `--dir=${dir}`,
      'image',
      'cat-manifest',
      '--pretty-print=false',
      'example.com/worker',
    ]);
    expect(compact).toMatchObject({ code: 0, stdout: raw + '\n', stderr: '' });
    const pretty = await rkt([`--dir=${dir}`, 'image', 'cat-manifest', images.worker.id.slice(0, 12)]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(
      /^\{\n\t"acKind": "ImageManifest",\n\t"acVersion": "0\.8\.11",\n\t"name": "example\.com\/worker",\n\t"labels": \[\n\t\t\{\n/,
    );
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(raw));
  });

  it('fails with 254 for an unknown name', async () => {
    const dir = await storeWith(images.worker.path);
    const r = await rkt([`--dir=${dir}`, 'image', 'cat-manifest', 'example.com/worker:9']);
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr:
        'cat-manifest: cannot find aci satisfying name: "example.com/worker" and labels: ["version":"9"] in the local store\n',
    });
  });
});
