import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stopCommand } from './stop.js';
import { captureIo, cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(() => {
  delete process.env.EXIT_stop;
  cleanup();
});

describe('stopCommand', () => {
  it('runs the stage1 stop entrypoint in the pod dir for a running pod and prints the quoted UUID', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    holdLock(path);
    const io = captureIo();
    expect(await stopCommand({ dataDir: data, pods: ['4c45'], force: true }, io)).toBe(0);
    expect(io.out()).toBe(`"${UUIDS.a}"\n`);
    expect(readFileSync(join(path, 'calls'), 'utf8')).toBe(`stop --force ${UUIDS.a}\n`);
  });

  it('says an exited pod is already stopped (0), and fails for pods that never ran or are unknown', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['a'], stage1: true });
    const io = captureIo();
    expect(await stopCommand({ dataDir: data, pods: [UUIDS.a], force: false }, io)).toBe(0);
    expect(io.out()).toBe(`pod "${UUIDS.a}" is already stopped\n`);
    const io2 = captureIo();
    expect(await stopCommand({ dataDir: data, pods: [UUIDS.c, 'ffff'], force: false }, io2)).toBe(254);
    expect(io2.err()).toBe(
      `stop: pod "${UUIDS.c}" is not running\nstop: cannot get pod: no matches found for "ffff"\n` +
        'stop: failed to stop 2 pod(s)\n',
    );
    expect(existsSync(join(data, 'pods/prepared', UUIDS.c, 'calls'))).toBe(false);
  });

  it('reports a failing stop entrypoint with its exit status', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true }));
    process.env.EXIT_stop = '3';
    const io = captureIo();
    expect(await stopCommand({ dataDir: data, pods: [UUIDS.a], force: false }, io)).toBe(254);
    expect(io.err()).toBe(
      `stop: error stopping "${UUIDS.a}": exit status 3\nstop: failed to stop 1 pod(s)\n`,
    );
  });
});
