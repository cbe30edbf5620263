import { afterEach, describe, expect, it } from 'vitest';
import { parseWaitDuration, podFinished, podReady, pollUntil } from './wait.js';
import { cleanup, holdLock, makePod, releaseLocks, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

describe('parseWaitDuration (rkt status --wait, --wait-ready)', () => {
  it.each([
    ['', -1],
    ['true', -1],
    ['t', -1],
    ['false', 0],
    ['0', 0],
    ['0s', 0],
    ['1.5s', 1500],
    ['-1s', -1],
  ])('%j is %d ms', (value, ms) => {
    expect(parseWaitDuration('wait', value)).toBe(ms);
  });

  it('rejects what is neither a bool nor a duration', () => {
    expect(() => parseWaitDuration('wait', 'soon')).toThrow(
      'invalid argument "soon" for --wait: time: invalid duration "soon"',
    );
  });
});

describe('pollUntil', () => {
  it('polls until done', async () => {
    let n = 0;
    const pauses: number[] = [];
    await pollUntil(
      () => ++n === 3,
      -1,
      async (ms) => void pauses.push(ms),
    );
    expect(pauses).toEqual([100, 100]);
  });

  it('gives up after the timeout like a Go context', async () => {
    await expect(
      pollUntil(
        () => false,
        1,
        () => new Promise((r) => setTimeout(r, 5)),
      ),
    ).rejects.toThrow('context deadline exceeded');
  });
});

describe('podFinished / podReady', () => {
  it('a running pod is neither finished nor, before its pid is recorded, ready', () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'] });
    holdLock(path);
    expect(podFinished(data, UUIDS.a)).toBe(false);
    expect(podReady(data, UUIDS.a)).toBe(false);
    makePod(data, { dir: 'run', uuid: UUIDS.a, files: { pid: '42\n' } });
    expect(podReady(data, UUIDS.a)).toBe(true);
    releaseLocks();
    expect(podFinished(data, UUIDS.a)).toBe(true);
    expect(() => podReady(data, UUIDS.a)).toThrow(`pod "${UUIDS.a}" is not running`);
  });

  it('a prepared pod is not finished; a vanished one is', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.b, apps: ['a'] });
    expect(podFinished(data, UUIDS.b)).toBe(false);
    expect(podFinished(data, UUIDS.c)).toBe(true);
  });
});
