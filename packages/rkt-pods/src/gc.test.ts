import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gcPods, type GcOptions } from './gc.js';
import { captureIo, cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const HOUR = 3_600_000;
const opts = (dataDir: string, extra: Partial<GcOptions> = {}): GcOptions => ({
  dataDir,
  gracePeriodMs: 30 * 60_000,
  expirePreparedMs: 24 * HOUR,
  markOnly: false,
  debug: false,
  localConfig: '/etc/rkt',
  ...extra,
});
const exists = (data: string, dir: string, uuid: string) => existsSync(join(data, 'pods', dir, uuid));

describe('gcPods', () => {
  it('marks exited pods and keeps them within the grace period', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.b, apps: ['a'], stage1: true }));
    const io = captureIo();
    expect(await gcPods(opts(data, { gracePeriodMs: HOUR }), io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      `gc: moving pod "${UUIDS.a}" to garbage\n` +
        `gc: pod "${UUIDS.a}" not removed: still within grace period (1h0m0s)\n`,
    );
    expect(exists(data, 'exited-garbage', UUIDS.a)).toBe(true);
    expect(exists(data, 'run', UUIDS.b)).toBe(true);
  });

  it('with --grace-period=0s collects at once, after the stage1 gc entrypoint', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    const log = join(data, 'gc-calls');
    writeFileSync(join(path, 'stage1/rootfs/gc'), `#!/bin/sh\necho "gc $*" >> ${log}\n`);
    const io = captureIo();
    await gcPods(opts(data, { gracePeriodMs: 0, debug: true }), io);
    expect(io.out()).toBe(`Garbage collecting pod "${UUIDS.a}"\n`);
    expect(readFileSync(log, 'utf8')).toBe(`gc --debug --local-config /etc/rkt ${UUIDS.a}\n`);
    expect(exists(data, 'exited-garbage', UUIDS.a)).toBe(false);
  });

  it('--mark-only moves but never deletes', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'], stage1: true });
    makePod(data, { dir: 'prepare', uuid: UUIDS.b });
    const io = captureIo();
    await gcPods(opts(data, { gracePeriodMs: 0, markOnly: true }), io);
    expect(io.out()).toBe('');
    expect(exists(data, 'exited-garbage', UUIDS.a)).toBe(true);
    expect(exists(data, 'garbage', UUIDS.b)).toBe(true);
  });

  it('discards aborted prepares always and prepared pods once expired; preparing pods stay', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepare', uuid: UUIDS.b });
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['a'] });
    holdLock(makePod(data, { dir: 'prepare', uuid: UUIDS.a }));
    const io = captureIo();
    await gcPods(opts(data, { gracePeriodMs: 0 }), io);
    expect(io.err()).toBe(`gc: moving failed prepare "${UUIDS.b}" to garbage\n`);
    expect(io.out()).toBe(`Garbage collecting pod "${UUIDS.b}"\n`);
    expect(exists(data, 'prepared', UUIDS.c)).toBe(true);
    const io2 = captureIo();
    await gcPods(opts(data, { expirePreparedMs: 0 }), io2);
    expect(io2.err()).toBe(`gc: moving expired prepared pod "${UUIDS.c}" to garbage\n`);
    expect(io2.out()).toBe(`Garbage collecting pod "${UUIDS.c}"\n`);
    expect(exists(data, 'prepare', UUIDS.a)).toBe(true);
  });

  it('reports stray entries and a failing stage1 gc, and goes on', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'exited-garbage', uuid: UUIDS.a, apps: ['a'], stage1: true });
    writeFileSync(join(path, 'stage1/rootfs/gc'), '#!/bin/sh\nexit 4\n');
    writeFileSync(join(data, 'pods/exited-garbage/stray'), '');
    const io = captureIo();
    expect(await gcPods(opts(data, { gracePeriodMs: 0 }), io)).toBe(0);
    expect(io.err()).toBe(
      'gc: unrecognized entry: "stray", ignoring\n' +
        `gc: problem performing stage1 GC on "${UUIDS.a}": exit status 4\n`,
    );
    expect(exists(data, 'exited-garbage', UUIDS.a)).toBe(false);
  });

  it('fails (GC_WALK, 254) only when a state directory cannot be read', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.c });
    symlinkSync('run', join(data, 'pods/run')); // ELOOP
    await expect(gcPods(opts(data), captureIo())).rejects.toMatchObject({
      code: 'GC_WALK',
      exitCode: 254,
      message: expect.stringMatching(/^failed to rename exited pods: /),
    });
  });
});
