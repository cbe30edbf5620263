import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOs } from './os.js';
import { parseLeadingInt, readPodPid, readPodPid1 } from './pid.js';
import { cleanup, makePod, osWith, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

/** The real OS with a fake /proc/<pid>/task/<pid>/children. */
function procWith(children: Record<number, string>) {
  return osWith({
    readFile(path) {
      const m = /^\/proc\/(\d+)\/task\/\1\/children$/.exec(path);
      if (!m) return nodeOs.readFile(path);
      const text = children[Number(m[1])];
      return text === undefined ? undefined : Buffer.from(text);
    },
  });
}

describe('parseLeadingInt (Go Sscanf %d)', () => {
  it.each([
    ['1234\n', 1234],
    ['  42', 42],
    ['-3', -3],
    ['7 trailing', 7],
    ['', undefined],
    ['x1', undefined],
  ])('%j -> %s', (text, n) => {
    expect(parseLeadingInt(text)).toBe(n);
  });
});

describe('readPodPid (status pid=)', () => {
  it('prefers the pid file, else the ppid file, else nothing', () => {
    const data = tempDataDir();
    const both = makePod(data, { dir: 'run', uuid: UUIDS.a, files: { pid: '100\n', ppid: '99\n' } });
    const ppid = makePod(data, { dir: 'run', uuid: UUIDS.b, files: { ppid: '99\n' } });
    const none = makePod(data, { dir: 'run', uuid: UUIDS.c });
    expect(readPodPid(both)).toBe(100);
    expect(readPodPid(ppid)).toBe(99);
    expect(readPodPid(none)).toBeUndefined();
  });

  it('falls back to ppid when pid is garbage', () => {
    const data = tempDataDir();
    expect(readPodPid(makePod(data, { dir: 'run', uuid: UUIDS.a, files: { pid: 'x', ppid: '5' } }))).toBe(5);
  });
});

describe('readPodPid1 (enter)', () => {
  it('is the pid file when there is one', () => {
    const pod = makePod(tempDataDir(), { dir: 'run', uuid: UUIDS.a, files: { pid: '100\n', ppid: '99\n' } });
    expect(readPodPid1(pod, procWith({ 99: '123 ' }))).toBe(100);
  });

  it('is the single child of the ppid process', () => {
    const pod = makePod(tempDataDir(), { dir: 'run', uuid: UUIDS.a, files: { ppid: '99\n' } });
    expect(readPodPid1(pod, procWith({ 99: '123 ' }))).toBe(123);
  });

  it('is undefined until stage1 wrote a file or forked its child', () => {
    const data = tempDataDir();
    const noFiles = makePod(data, { dir: 'run', uuid: UUIDS.a });
    const noChild = makePod(data, { dir: 'run', uuid: UUIDS.b, files: { ppid: '99' } });
    expect(readPodPid1(noFiles, procWith({}))).toBeUndefined();
    expect(readPodPid1(noChild, procWith({ 99: '' }))).toBeUndefined();
    expect(readPodPid1(noChild, procWith({}))).toBeUndefined();
  });

  it('refuses a parent with several children', () => {
    const pod = makePod(tempDataDir(), { dir: 'run', uuid: UUIDS.a, files: { ppid: '99' } });
    expect(() => readPodPid1(pod, procWith({ 99: '123 124 ' }))).toThrow('too many children of pid 99');
  });

  it('reads the real /proc: a child of this process', () => {
    const child = spawn('sleep', ['30']);
    try {
      const pod = makePod(tempDataDir(), { dir: 'run', uuid: UUIDS.a, files: { ppid: String(process.pid) } });
      expect(readPodPid1(pod)).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
