import { afterEach, describe, expect, it } from 'vitest';
import { listCommand } from './list.js';
import { captureIo, cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const NOW = new Date('2026-11-28T18:31:20Z');
const T = new Date('2026-11-28T18:31:18Z');

describe('listCommand', () => {
  it('prints the table, sorted by UUID, with states from directory and lock', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.b, apps: ['busybox'], files: { pid: '1\n' }, time: T }));
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['busybox'], time: T });
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['busybox'], files: { pid: '1\n' }, time: T });
    const io = captureIo();
    expect(listCommand({ dataDir: data, noLegend: false, full: false, format: 'text', now: NOW }, io)).toBe(
      0,
    );
    expect(io.out()).toBe(
      'UUID\t\tAPP\tIMAGE NAME\t\t\tSTATE\t\tCREATED\t\tSTARTED\t\tNETWORKS\n' +
        '3aa4bd49\tbusybox\texample.com/busybox:1.35.0\tprepared\t2 seconds ago\t\t\t\n' +
        '4c45384b\tbusybox\texample.com/busybox:1.35.0\texited\t\t2 seconds ago\t2 seconds ago\t\n' +
        'd9d04668\tbusybox\texample.com/busybox:1.35.0\trunning\t\t2 seconds ago\t2 seconds ago\t\n',
    );
    expect(io.err()).toBe('');
  });

  it('prints JSON (null without pods) and nothing else on stdout', () => {
    const data = tempDataDir();
    const io = captureIo();
    listCommand({ dataDir: data, noLegend: false, full: false, format: 'json' }, io);
    expect(io.out()).toBe('null\n');
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, apps: ['busybox'], time: T });
    const io2 = captureIo();
    listCommand({ dataDir: data, noLegend: false, full: false, format: 'json' }, io2);
    expect(JSON.parse(io2.out())).toMatchObject([
      { name: UUIDS.c, state: 'prepared', apps: [{ state: 'created' }] },
    ]);
  });

  it("reports pods it cannot read after the output, in rkt's frame", () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.c, files: { pod: '{' } });
    const io = captureIo();
    expect(listCommand({ dataDir: data, noLegend: true, full: false, format: 'text' }, io)).toBe(0);
    expect(io.out()).toBe('');
    const lines = io.err().split('\n');
    expect(lines[0]).toBe('list: 1 error(s) encountered when listing pods:');
    expect(lines[2]).toBe(`list: Unable to read pod ${UUIDS.c} manifest:`);
    expect(io.err()).toContain("list:   rkt's appc version: 0.8.11\n");
  });
});
