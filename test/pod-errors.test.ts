// Errors through bin/rkt, as root: each is one clear line, exit 254, and leaves no pod that looks
// alive (preparing, prepared or running). Also the root requirement and bad command lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RKT } from './helpers/rkt.js';
import { listJson, rktIn, testImages, usePodDirs } from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-err-');
const images = testImages();
const FLY_ACI = resolve(import.meta.dirname, '../bin/stage1-fly.aci');

async function expectNoLivePod(dir: string): Promise<void> {
  for (const pod of await listJson(dir))
    expect(['exited', 'aborted prepare', 'exited garbage']).toContain(pod.state);
}

/** The fly stage1 with one annotation changed, as a new ACI file. */
async function stage1With(dir: string, name: string, value: string): Promise<string> {
  const work = join(dir, `stage1-${value}`);
  await mkdir(work);
  execFileSync('tar', ['-xzf', FLY_ACI, '-C', work]);
  const manifest = JSON.parse(await readFile(join(work, 'manifest'), 'utf8')) as {
    annotations: { name: string; value: string }[];
    labels: { name: string; value: string }[];
  };
  manifest.annotations = manifest.annotations.map((a) => (a.name === name ? { name, value } : a));
  manifest.labels = manifest.labels.map((l) =>
    l.name === 'version' ? { ...l, value: `broken-${value}` } : l,
  );
  await writeFile(join(work, 'manifest'), JSON.stringify(manifest));
  const aci = join(dir, `stage1-${value}.aci`);
  execFileSync('tar', ['-czf', aci, '-C', work, 'manifest', 'rootfs']);
  return aci;
}

describe('rkt run refuses', () => {
  it.each([
    [['--pull-policy=never', 'example.com/nope'], /^run: .*example\.com\/nope/],
    [
      ['--net=host', '--port=http:8080', images.busybox.path],
      /^run: --port cannot be used with --net=none or --net=host\n$/,
    ],
    [
      ['--interactive', images.busybox.path, images.worker.path],
      /^run: --interactive can only be used with a single image\n$/,
    ],
    [['--stage1-path=/nope.aci', images.busybox.path], /^run: .*\/nope\.aci/],
    [[images.busybox.path, '--exec=/no/such/program'], /^run: .*\/no\/such\/program/],
    [['--bogus-flag', images.busybox.path], /^run: .*bogus-flag/],
  ])('%j with 254 and a clear message', async (args, message) => {
    const dir = await tempDir();
    const r = await rktIn(dir, ['--insecure-options=image', 'run', ...args]);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/this is a bug/);
    await expectNoLivePod(dir);
  });

  it.each([
    ['rkt-ts.io/stage1/plan-format', 'sh-v9'],
    ['coreos.com/rkt/stage1/interface-version', 'five'],
  ])('a stage1 whose %s is %j', async (annotation, value) => {
    const dir = await tempDir();
    const aci = await stage1With(dir, annotation, value);
    const r = await rktIn(dir, [
      '--insecure-options=image',
      'run',
      `--stage1-path=${aci}`,
      images.busybox.path,
    ]);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain(value);
    expect(r.stderr).not.toMatch(/this is a bug/);
    await expectNoLivePod(dir);
  });
});

describe('the pod commands refuse', () => {
  it.each([
    [['list', '--bogus'], 'list: unknown flag: --bogus\n'],
    [
      ['list', '--format=yaml'],
      'list: invalid argument "yaml" for --format=yaml: Invalid format option: yaml\n',
    ],
    [
      ['gc', '--grace-period=soon'],
      'gc: invalid argument "soon" for "--grace-period" flag: time: invalid duration "soon"\n',
    ],
    [
      ['status', '--wait=soon', 'abc'],
      'status: invalid argument "soon" for --wait: time: invalid duration "soon"\n',
    ],
  ])('%j (254)', async (args, stderr) => {
    const r = await rktIn(await tempDir(), args);
    expect(r).toMatchObject({ code: 254, stderr });
  });

  it('an error in JSON mode is JSON on stdout too', async () => {
    const r = await rktIn(await tempDir(), ['status', '--format=json', 'abc']);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'POD_NOT_FOUND', message: 'problem retrieving pod: no matches found for "abc"' },
    });
  });

  it.each([['rm', 'abc'], ['gc'], ['enter', 'abc']])('%s as an unprivileged user (254)', async (...args) => {
    const dir = await tempDir();
    const r = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', RKT, `--dir=${dir}`, ...args],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(254);
    expect(r.stderr).toBe(`${args[0]}: cannot run as unprivileged user\n`);
  });

  it('list and status work for an unprivileged user who can read the data dir', async () => {
    const dir = await tempDir();
    const prepared = await rktIn(dir, ['--insecure-options=image', 'prepare', images.busybox.path]);
    execFileSync('chmod', ['-R', 'o+rX', dir]);
    const asNobody = (...args: string[]) =>
      spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', RKT, `--dir=${dir}`, ...args],
        {
          encoding: 'utf8',
        },
      );
    expect(asNobody('list', '--no-legend')).toMatchObject({ status: 0, stderr: '' });
    expect(asNobody('status', prepared.stdout.trim()).stdout).toMatch(/^state=prepared\n/);
  });
});
