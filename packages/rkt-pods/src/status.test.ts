import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { statusCommand } from './status.js';
import { captureIo, cleanup, holdLock, makePod, releaseLocks, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const T = new Date('2026-11-28T18:31:18.141Z');
const base = { format: 'text' as const, waitMs: 0, waitReadyMs: 0, zone: 'UTC' as const };

describe('statusCommand', () => {
  it('prints an exited pod with its app exit code', async () => {
    const data = tempDataDir();
    makePod(data, {
      dir: 'run',
      uuid: UUIDS.a,
      apps: ['busybox'],
      files: { pid: '77\n', 'stage1/rootfs/rkt/status/busybox': '7\n' },
      time: T,
    });
    const io = captureIo();
    expect(await statusCommand({ ...base, dataDir: data, uuid: UUIDS.a }, io)).toBe(0);
    expect(io.out()).toBe(
      'state=exited\ncreated=2026-11-28 18:31:18.141 +0000 UTC\nstarted=2026-11-28 18:31:18.141 +0000 UTC\n' +
        'networks=\npid=77\nexited=true\napp-busybox=7\n',
    );
  });

  it('prints JSON as one pod of list --format=json', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['busybox'], time: T });
    const io = captureIo();
    await statusCommand({ ...base, format: 'json', dataDir: data, uuid: UUIDS.c }, io);
    expect(io.out()).toBe(
      `{"name":"${UUIDS.c}","state":"prepared","app_names":["busybox"],"apps":[{"name":"busybox","state":"created",` +
        `"created_at":1795890678141000000,"image_id":"sha512-${'6b38'.repeat(16)}"}],"created_at":1795890678}\n`,
    );
  });

  it('--wait returns once the pod has exited', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], files: { pid: '5\n' } }));
    const io = captureIo();
    const done = statusCommand({ ...base, waitMs: -1, dataDir: data, uuid: UUIDS.a }, io);
    await delay(150);
    expect(io.out()).toBe('');
    releaseLocks();
    await done;
    expect(io.out()).toMatch(/^state=exited\n/);
  });

  it('--wait with a timeout fails like rkt', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], files: { pid: '5\n' } }));
    await expect(
      statusCommand({ ...base, waitMs: 50, dataDir: data, uuid: UUIDS.a }, captureIo()),
    ).rejects.toThrow('error waiting for pod to finish: context deadline exceeded');
  });

  it('a running pod without a pid file for a second is an error', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'] }));
    const sleep = () => Promise.resolve();
    await expect(
      statusCommand({ ...base, sleep, dataDir: data, uuid: UUIDS.a }, captureIo()),
    ).rejects.toThrow(`unable to print status: unable to get PID for pod "${UUIDS.a}"`);
  });
});
