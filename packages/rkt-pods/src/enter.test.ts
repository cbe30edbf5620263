import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planEnter } from './enter.js';
import { captureIo, cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const noSleep = () => Promise.resolve();

describe('planEnter', () => {
  it("execs the stage1 enter entrypoint with the pod's pid and app, in the pod dir", async () => {
    const data = tempDataDir();
    const path = makePod(data, {
      dir: 'run',
      uuid: UUIDS.a,
      apps: ['busybox'],
      stage1: true,
      files: { pid: '4242\n' },
    });
    holdLock(path);
    const plan = await planEnter(
      { dataDir: data, uuid: UUIDS.a, app: '', command: ['/bin/sh', '-c', 'x'] },
      captureIo().stderr,
    );
    const entry = join(path, 'stage1/rootfs/enter');
    expect(plan).toEqual({
      path: entry,
      argv: [entry, '--pid=4242', '--appname=busybox', '--', '/bin/sh', '-c', 'x'],
      cwd: path,
    });
  });

  it('needs --app for a pod of several apps, and lists them', async () => {
    const data = tempDataDir();
    holdLock(
      makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a', 'b'], stage1: true, files: { pid: '1\n' } }),
    );
    const io = captureIo();
    const o = { dataDir: data, uuid: UUIDS.a, app: '', command: [] };
    await expect(planEnter(o, io.stderr)).rejects.toThrow(
      'unable to determine app name: specify app using "rkt enter --app= ..."',
    );
    expect(io.err()).toBe('enter: pod contains multiple apps:\nenter: \ta\nenter: \tb\n');
    expect((await planEnter({ ...o, app: 'b' }, io.stderr)).argv.slice(1)).toEqual([
      '--pid=1',
      '--appname=b',
      '--',
    ]);
    await expect(planEnter({ ...o, app: 'c' }, io.stderr)).rejects.toThrow(
      `pod "${UUIDS.a}" has no app named "c"`,
    );
  });

  it('refuses a pod that is not running', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true, files: { pid: '1\n' } });
    await expect(
      planEnter({ dataDir: data, uuid: UUIDS.a, app: '', command: [] }, captureIo().stderr),
    ).rejects.toThrow(`pod "${UUIDS.a}" isn't currently running`);
  });

  it('waits for the pid, within bounds', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true }));
    const o = { dataDir: data, uuid: UUIDS.a, app: '', command: [], pidTimeoutMs: 300, sleep: noSleep };
    await expect(planEnter(o, captureIo().stderr)).rejects.toThrow(
      `unable to determine the pid for pod "${UUIDS.a}": no pid recorded by stage1`,
    );
  });
});
