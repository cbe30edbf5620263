import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const images = testImages();
const tempDir = useTempDirs('rkt-e2e-image-rm-');
const key = (id: string) => id.slice(0, 'sha512-'.length + 64);
const removed = (id: string) => `successfully removed aci for image: "${key(id)}"\n`;

async function storeWith(...paths: string[]): Promise<string> {
  const dir = await tempDir();
  const r = await rkt([`--dir=${dir}`, '--insecure-options=image', 'fetch', ...paths]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

async function listedKeys(dir: string): Promise<string[]> {
  const r = await rkt([`--dir=${dir}`, 'image', 'list', '--format=json']);
  return ((JSON.parse(r.stdout) as { id: string }[] | null) ?? []).map((i) => i.id);
}

describe('rkt image rm', () => {
  it('removes images named by ID prefix or name', async () => {
    const dir = await storeWith(images.busybox.path, images.worker.path, images.base.path);
    const r = await rkt([
      `--dir=${dir}`,
      'image',
      'rm',
      images.busybox.id.slice(0, 20),
      'example.com/worker:1.0.0',
    ]);
    expect(r).toMatchObject({
      code: 0,
      stdout: removed(images.busybox.id) + removed(images.worker.id),
      stderr: 'rm: 2 image(s) successfully removed\n',
    });
    expect(await listedKeys(dir)).toEqual([key(images.base.id)]);
  });

  it('reports an unknown image and exits 0, as rkt does', async () => {
    const dir = await storeWith(images.busybox.path);
    expect(await rkt([`--dir=${dir}`, 'image', 'rm', 'sha512-0000'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'rm: no image IDs found\n',
    });
    const byName = await rkt([`--dir=${dir}`, 'image', 'rm', 'example.com/nope', images.busybox.id]);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(removed(images.busybox.id));
    expect(byName.stderr).toBe(
      'rm: cannot find aci satisfying name: "example.com/nope" and labels: [] in the local store\n' +
        'rm: 1 image(s) successfully removed\n',
    );
  });

  it('refuses an ID prefix that is not one', async () => {
    const dir = await storeWith(images.busybox.path);
    const r = await rkt([`--dir=${dir}`, 'image', 'rm', 'sha512-z']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^rm: invalid image ID "sha512-z"/);
    expect(await listedKeys(dir)).toEqual([key(images.busybox.id)]);
  });

  it('needs at least one image (254)', async () => {
    const dir = await tempDir();
    const r = await rkt([`--dir=${dir}`, 'image', 'rm']);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/^rm: /);
  });
});

describe('rkt image gc', () => {
  it('removes every rendered tree but keeps images used within 24h', async () => {
    const dir = await storeWith(images.busybox.path, images.base.path, images.layered.path);
    await rkt([`--dir=${dir}`, 'image', 'render', 'example.com/layered', `${dir}/out`]);
    const r = await rkt([`--dir=${dir}`, 'image', 'gc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const treeLines = r.stderr.split('\n').filter((l) => l.startsWith('gc: removed treestore'));
    expect(treeLines.length).toBeGreaterThan(0);
    for (const line of treeLines) expect(line).toMatch(/^gc: removed treestore "deps-sha512-[0-9a-f]{64}"$/);
    expect(r.stderr).not.toContain('image(s)');
    expect(await listedKeys(dir)).toHaveLength(3);
    const verify = await rkt([`--dir=${dir}`, 'image', 'verify', 'example.com/layered']);
    expect(verify.stdout).toBe('image "example.com/layered" not rendered; no verification needed\n');
  });

  it('with --grace-period=0s removes every image, least recently used first', async () => {
    const dir = await storeWith(images.busybox.path, images.worker.path);
    await rkt([`--dir=${dir}`, 'image', 'export', 'example.com/busybox', `${dir}/bb.aci`]);
    const r = await rkt([`--dir=${dir}`, 'image', 'gc', '--grace-period=0s']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(removed(images.worker.id) + removed(images.busybox.id));
    expect(r.stderr).toContain('gc: 2 image(s) successfully removed\n');
    expect(await listedKeys(dir)).toEqual([]);
  });

  it('refuses a duration Go would not parse', async () => {
    const dir = await tempDir();
    const r = await rkt([`--dir=${dir}`, 'image', 'gc', '--grace-period=1d']);
    expect(r).toMatchObject({
      code: 254,
      stderr: 'gc: invalid argument "1d" for --grace-period=1d: time: unknown unit "d" in duration "1d"\n',
    });
  });
});
