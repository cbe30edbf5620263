import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rmCommand } from './rm.js';
import { captureIo, cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const opts = (dataDir: string, pods: string[]) => ({ dataDir, pods, debug: false, localConfig: '/etc/rkt' });

describe('rmCommand', () => {
  it('removes an exited pod after running the stage1 gc entrypoint', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    // the gc entrypoint runs in the pod dir: record its calls outside, where they survive the removal
    const log = join(data, 'gc-calls');
    writeFileSync(join(path, 'stage1/rootfs/gc'), `#!/bin/sh\necho "gc $* $(pwd)" >> ${log}\n`);
    const io = captureIo();
    expect(await rmCommand(opts(data, [UUIDS.a]), io)).toBe(0);
    expect(io.out()).toBe(`"${UUIDS.a}"\n`);
    expect(io.err()).toBe('');
    expect(readFileSync(log, 'utf8')).toBe(
      `gc --local-config /etc/rkt ${UUIDS.a} ${join(data, 'pods/exited-garbage', UUIDS.a)}\n`,
    );
    expect(existsSync(join(data, 'pods/exited-garbage', UUIDS.a))).toBe(false);
  });

  it('moves a prepared pod to garbage and removes it, without stage1 gc', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['a'], stage1: true });
    const io = captureIo();
    expect(await rmCommand(opts(data, ['3aa']), io)).toBe(0);
    expect(io.out()).toBe(`"${UUIDS.c}"\n`);
    expect(io.err()).toBe(`rm: moving expired prepared pod "${UUIDS.c}" to garbage\n`);
    expect(existsSync(join(data, 'pods/garbage', UUIDS.c))).toBe(false);
  });

  it('refuses running and preparing pods and says so once more at the end (254)', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true }));
    holdLock(makePod(data, { dir: 'prepare', uuid: UUIDS.b }));
    const io = captureIo();
    expect(await rmCommand(opts(data, [UUIDS.a, UUIDS.b]), io)).toBe(254);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      `rm: pod "${UUIDS.a}" is currently running\nrm: pod "${UUIDS.b}" is currently being prepared\n` +
        'rm: failed to remove one or more pods\n',
    );
    expect(existsSync(join(data, 'pods/run', UUIDS.a))).toBe(true);
  });

  it('removes an aborted prepare', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepare', uuid: UUIDS.b });
    const io = captureIo();
    expect(await rmCommand(opts(data, [UUIDS.b]), io)).toBe(0);
    expect(io.err()).toBe(`rm: moving failed prepare "${UUIDS.b}" to garbage\n`);
    expect(existsSync(join(data, 'pods/garbage', UUIDS.b))).toBe(false);
  });
});
