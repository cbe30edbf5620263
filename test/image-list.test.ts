import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const images = testImages();
const tempDir = useTempDirs('rkt-e2e-image-list-');
const key = (id: string) => id.slice(0, 'sha512-'.length + 64);
const TZ_UTC = { env: { ...process.env, TZ: 'UTC' } };

/** A fresh data dir holding the given ACIs, fetched in order. */
async function storeWith(...paths: string[]): Promise<string> {
  const dir = await tempDir();
  if (paths.length > 0) {
    const r = await rkt([`--dir=${dir}`, '--insecure-options=image', 'fetch', ...paths]);
    expect(r.code, r.stderr).toBe(0);
  }
  return dir;
}

interface Listed {
  id: string;
  name: string;
  import_time: number;
  last_used_time: number;
  size: number;
}

describe('rkt image list', () => {
  it('prints the header alone for an empty store, and null in JSON', async () => {
    const dir = await storeWith();
    expect(await rkt([`--dir=${dir}`, 'image', 'list'])).toMatchObject({
      code: 0,
      stdout: 'ID\tNAME\tSIZE\tIMPORT TIME\tLAST USED\n',
      stderr: '',
    });
    expect(await rkt([`--dir=${dir}`, 'image', 'list', '--format=json'])).toMatchObject({
      code: 0,
      stdout: 'null\n',
      stderr: '',
    });
    expect((await rkt([`--dir=${dir}`, 'image', 'list', '--no-legend'])).stdout).toBe('');
  });

  it('lists images oldest import first: short ID, name:version, IEC size, humanized times', async () => {
    const dir = await storeWith(images.busybox.path, images.worker.path);
    const r = await rkt([`--dir=${dir}`, 'image', 'list']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\t+NAME\t+SIZE\t+IMPORT TIME\t+LAST USED$/);
    const time = '(now|1 second ago|\\d+ seconds ago)';
    expect(lines[1]).toMatch(
      new RegExp(
        `^${key(images.busybox.id).slice(0, 19)}\\t+example\\.com/busybox:[\\d.]+\\t+[\\d.]+MiB\\t+${time}\\t+${time}$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^${key(images.worker.id).slice(0, 19)}\\t+example\\.com/worker:1\\.0\\.0\\t`),
    );
    expect(lines.slice(3)).toEqual(['']);
  });

  it('--full prints full keys, bytes and absolute times; --fields, --sort, --order and --no-legend shape it', async () => {
    const dir = await storeWith(images.busybox.path, images.worker.path);
    const full = await rkt([`--dir=${dir}`, 'image', 'list', '--full', '--no-legend'], TZ_UTC);
    const [first] = full.stdout.split('\n');
    expect(first).toMatch(
      new RegExp(
        `^${key(images.busybox.id)}\\texample\\.com/busybox:[\\d.]+\\t\\d+\\t\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC\\t`,
      ),
    );
    const byName = await rkt([
      `--dir=${dir}`,
      'image',
      'list',
      '--fields=name',
      '--sort=name',
      '--order=desc',
    ]);
    expect(byName.stdout).toMatch(/^NAME\t*\nexample\.com\/worker:1\.0\.0\nexample\.com\/busybox:[\d.]+\n$/);
  });

  it('--format=json prints only JSON: full IDs, nanosecond times, sizes in bytes', async () => {
    const before = Date.now();
    const dir = await storeWith(images.busybox.path, images.worker.path);
    const after = Date.now();
    for (const format of ['json', 'json-pretty']) {
      const r = await rkt([`--dir=${dir}`, 'image', 'list', `--format=${format}`, '--full']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').length).toBe(format === 'json' ? 2 : 17);
      expect(r.stdout).toMatch(/"import_time":\s?\d{19},/);
      const listed = JSON.parse(r.stdout) as Listed[];
      expect(listed.map((i) => [i.id, i.name])).toEqual([
        [key(images.busybox.id), expect.stringMatching(/^example\.com\/busybox:[\d.]+$/)],
        [key(images.worker.id), 'example.com/worker:1.0.0'],
      ]);
      for (const i of listed) {
        expect(i.import_time / 1e6).toBeGreaterThanOrEqual(before - 1);
        expect(i.import_time / 1e6).toBeLessThanOrEqual(after + 1);
        expect(i.size).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    [
      ['--fields=id,latest'],
      'list: invalid argument "id,latest" for --fields=id,latest: unknown option "latest"\n',
    ],
    [['--sort=id'], 'list: invalid argument "id" for --sort=id: unknown option "id"\n'],
    [['--order=up'], 'list: invalid argument "up" for --order=up: wrong sort order\n'],
    [['--format=yaml'], 'list: invalid argument "yaml" for --format=yaml: Invalid format option: yaml\n'],
  ])('refuses %j with 254', async (flags, stderr) => {
    const dir = await storeWith();
    expect(await rkt([`--dir=${dir}`, 'image', 'list', ...flags])).toMatchObject({
      code: 254,
      stdout: '',
      stderr,
    });
  });
});
