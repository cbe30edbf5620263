// The pod lifecycle through bin/rkt, as root: exit codes and output of `rkt run`, every state with
// `list` and `status` (text and JSON), prepare / run-prepared, UUID prefixes, gc and rm.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RKT } from './helpers/rkt.js';
import {
  listJson,
  podDirsLeft,
  rktIn,
  runSleeper,
  sleep,
  startRkt,
  testImages,
  usePodDirs,
  waitForState,
} from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-life-');
const images = testImages();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const run = (dir: string, ...args: string[]) =>
  rktIn(dir, ['--insecure-options=image', 'run', images.busybox.path, ...args]);

describe('rkt run: the app is the pod', () => {
  it.each([
    ['exit 7', 7],
    ['exit 0', 0],
    ['kill -9 $$', 137],
  ])('sh -c %j exits %d', async (script, code) => {
    const r = await run(await tempDir(), '--exec=/bin/sh', '--', '-c', script);
    expect(r.code, r.stderr).toBe(code);
  });

  it("passes the app's stdout and stderr through byte for byte", async () => {
    const dir = await tempDir();
    const script = "printf 'out\\000\\001\\377no newline'; printf 'err\\r\\n' >&2";
    const args = [
      `--dir=${dir}`,
      '--insecure-options=image',
      'run',
      images.busybox.path,
      '--exec=/bin/sh',
      '--',
      '-c',
      script,
    ];
    const r = spawnSync(RKT, args, { encoding: 'buffer' });
    expect(r.status).toBe(0);
    expect(r.stdout).toEqual(Buffer.from('out\x00\x01\xffno newline', 'latin1'));
    expect(r.stderr).toEqual(Buffer.from('err\r\n'));
  });
});

describe('states, list and status', () => {
  it('prepared → running → exited → exited garbage → removed', async () => {
    const dir = await tempDir();
    const prepared = await rktIn(dir, [
      '--insecure-options=image',
      'prepare',
      images.busybox.path,
      '--exec=/bin/sh',
      '--',
      '-c',
      'sleep 1; exit 3',
    ]);
    expect(prepared.code, prepared.stderr).toBe(0);
    const uuid = prepared.stdout.trim();
    expect(uuid).toMatch(UUID);

    const short = uuid.slice(0, 8);
    const table = await rktIn(dir, ['list', '--no-legend']);
    expect(table.stdout).toMatch(new RegExp(`^${short}\tbusybox\texample.com/busybox:[0-9.]+\tprepared\t`));
    expect((await rktIn(dir, ['status', uuid])).stdout).toMatch(
      /^state=prepared\ncreated=\S+ \S+ \S+ \S+\n$/,
    );
    expect(await listJson(dir)).toMatchObject([
      { name: uuid, state: 'prepared', apps: [{ state: 'created' }] },
    ]);

    const running = startRkt(dir, ['run-prepared', short]);
    await waitForState(dir, 'running');
    const status = await rktIn(dir, ['status', uuid]);
    expect(status.stdout).toMatch(
      /^state=running\ncreated=.*\nstarted=.*\nnetworks=\npid=\d+\nexited=false\n$/,
    );
    const json = JSON.parse((await rktIn(dir, ['status', '--format=json', uuid])).stdout) as object;
    expect(json).toMatchObject({
      name: uuid,
      state: 'running',
      apps: [{ name: 'busybox', state: 'running' }],
    });

    const again = await rktIn(dir, ['run-prepared', uuid]);
    expect(again).toMatchObject({ code: 254, stderr: `run-prepared: pod "${uuid}" is not prepared\n` });

    expect((await running.done).code).toBe(3);
    const exited = await rktIn(dir, ['status', '--wait=10s', uuid]);
    expect(exited.stdout).toMatch(/^state=exited\n(.*\n){4}exited=true\napp-busybox=3\n$/);
    expect(await listJson(dir)).toMatchObject([
      { name: uuid, state: 'exited', apps: [{ state: 'exited', exit_code: 3 }] },
    ]);

    const marked = await rktIn(dir, ['gc', '--grace-period=1h']);
    expect(marked).toMatchObject({
      code: 0,
      stdout: '',
      stderr:
        `gc: moving pod "${uuid}" to garbage\n` +
        `gc: pod "${uuid}" not removed: still within grace period (1h0m0s)\n`,
    });
    const garbage = await rktIn(dir, ['status', uuid]);
    expect(garbage.stdout).toMatch(/^state=exited garbage\n(.*\n){3}exited=true\napp-busybox=3\n$/);
    expect((await rktIn(dir, ['list', '--no-legend'])).stdout).toContain('\texited garbage\t');

    const swept = await rktIn(dir, ['gc', '--grace-period=0s']);
    expect(swept).toMatchObject({ code: 0, stdout: `Garbage collecting pod "${uuid}"\n`, stderr: '' });
    expect(await listJson(dir)).toEqual([]);
    expect((await rktIn(dir, ['list'])).stdout).toBe(
      'UUID\tAPP\tIMAGE NAME\tSTATE\tCREATED\tSTARTED\tNETWORKS\n',
    );
    expect(await rktIn(dir, ['status', uuid])).toMatchObject({
      code: 254,
      stderr: `status: problem retrieving pod: no matches found for "${uuid}"\n`,
    });
    expect(podDirsLeft(dir)).toEqual([]);
  });

  it('status --wait-ready returns once the app runs; cat-manifest prints what prepare wrote', async () => {
    const dir = await tempDir();
    const { uuid } = await runSleeper(dir);
    expect((await rktIn(dir, ['status', '--wait-ready=5s', uuid])).stdout).toMatch(/^state=running\n/);
    const manifest = await rktIn(dir, ['cat-manifest', uuid.slice(0, 6)]);
    expect(manifest.code).toBe(0);
    expect(manifest.stdout).toMatch(/^\{\n\t"acVersion": /);
    expect(JSON.parse(manifest.stdout)).toMatchObject({
      acKind: 'PodManifest',
      apps: [{ name: 'busybox', app: { exec: ['/bin/sleep', '600'] } }],
      isolators: null,
    });
    const oneLine = await rktIn(dir, ['cat-manifest', '--pretty-print=false', uuid]);
    expect(oneLine.stdout.split('\n')).toHaveLength(2);
  });

  it('an aborted prepare (killed while preparing) lists as such and gc removes it', async () => {
    const dir = await tempDir();
    await rktIn(dir, ['--insecure-options=image', 'fetch', images.busybox.path]);
    // Watch pods/prepare/ on disk (rkt list is too slow for the window of a few tens of ms) and kill
    // the prepare as soon as its pod appears there; if it finished first, try again.
    const preparing = join(dir, 'pods', 'prepare');
    let uuid: string | undefined;
    for (let attempt = 0; attempt < 20 && uuid === undefined; attempt++) {
      const prep = startRkt(dir, ['--insecure-options=image', 'prepare', images.busybox.path]);
      while (prep.child.exitCode === null && !(existsSync(preparing) && readdirSync(preparing).length > 0)) {
        await sleep(1);
      }
      prep.child.kill('SIGKILL');
      await prep.done;
      uuid = (await listJson(dir)).find((p) => p.state === 'aborted prepare')?.name;
      if (uuid === undefined) await rktIn(dir, ['gc', '--expire-prepared=0s']);
    }
    expect(uuid, 'caught a pod while it was being prepared').toBeDefined();
    expect(await listJson(dir)).toMatchObject([{ name: uuid, state: 'aborted prepare' }]);
    expect((await rktIn(dir, ['status', uuid!])).stdout).toMatch(/^state=aborted prepare\n/);
    const gc = await rktIn(dir, ['gc']);
    expect(gc).toMatchObject({ code: 0, stdout: `Garbage collecting pod "${uuid}"\n` });
    expect(gc.stderr).toBe(`gc: moving failed prepare "${uuid}" to garbage\n`);
    expect(podDirsLeft(dir)).toEqual([]);
  });

  it('rm removes prepared and exited pods and refuses running ones', async () => {
    const dir = await tempDir();
    const prepared = await rktIn(dir, ['--insecure-options=image', 'prepare', images.busybox.path]);
    const preparedUuid = prepared.stdout.trim();
    const exited = await rktIn(dir, ['--insecure-options=image', 'run', images.busybox.path]);
    expect(exited.stdout).toBe('hello from busybox\n');
    const exitedUuid = (await listJson(dir)).find((p) => p.state === 'exited')!.name;
    const { uuid } = await runSleeper(dir);
    const r = await rktIn(dir, ['rm', preparedUuid, exitedUuid, uuid]);
    expect(r.code).toBe(254);
    expect(r.stdout).toBe(`"${preparedUuid}"\n"${exitedUuid}"\n`);
    expect(r.stderr).toBe(
      `rm: moving expired prepared pod "${preparedUuid}" to garbage\n` +
        `rm: pod "${uuid}" is currently running\nrm: failed to remove one or more pods\n`,
    );
    expect((await listJson(dir)).map((p) => p.name)).toEqual([uuid]);
  });
});

describe('UUID arguments', () => {
  it('resolve unique prefixes and refuse unknown or ambiguous ones as rkt does', async () => {
    const dir = await tempDir();
    const uuids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await rktIn(dir, ['--insecure-options=image', 'prepare', images.busybox.path]);
      uuids.push(r.stdout.trim());
    }
    const first = uuids.map((u) => u[0]);
    const shared = first.find((c, i) => first.indexOf(c) !== i)!;
    expect(await rktIn(dir, ['status', shared])).toMatchObject({
      code: 254,
      stderr: `status: problem retrieving pod: ambiguous uuid, ${first.filter((c) => c === shared).length} matches\n`,
    });
    expect(await rktIn(dir, ['cat-manifest', 'zz'])).toMatchObject({
      code: 254,
      stderr: 'cat-manifest: problem retrieving pod: no matches found for "zz"\n',
    });
    expect(await rktIn(dir, ['status', ''])).toMatchObject({ code: 254 });
    expect(await rktIn(dir, ['status', '--uuid-file=/nonexistent'])).toMatchObject({
      code: 1,
      stderr: 'status: unable to resolve UUID from file: open /nonexistent: no such file or directory\n',
    });
    const upper = (await rktIn(dir, ['status', uuids[0]!.toUpperCase()])).stdout;
    expect(upper).toMatch(/^state=prepared\n/);
    expect(await rktIn(dir, ['status'])).toMatchObject({ code: 254, stderr: '' });
  });
});
