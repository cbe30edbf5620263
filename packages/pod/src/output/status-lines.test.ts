import { describe, expect, it } from 'vitest';
import { app, FLY_POD, HOST_POD, pod } from './fixtures.js';
import { podStatusLines } from './status-lines.js';

const CREATED = 'created=2026-11-28 18:31:18.141 +0000 UTC';
const STARTED = 'started=2026-11-28 18:31:18.694 +0000 UTC';
const times = { createdAt: 1795890678141622545n, startedAt: 1795890678694496284n };

describe('podStatusLines (rkt-observed §8)', () => {
  it('prepared: state and created', () => {
    expect(podStatusLines(pod({ state: 'prepared', createdAt: times.createdAt }), 'UTC')).toEqual([
      'state=prepared',
      CREATED,
    ]);
  });

  it('running: networks, pid, exited=false, no app codes', () => {
    const running = pod({ state: 'running', ...times, pid: 4242, apps: [app({ exitCode: 3 })] });
    expect(podStatusLines(running, 'UTC')).toEqual([
      'state=running',
      CREATED,
      STARTED,
      'networks=',
      'pid=4242',
      'exited=false',
    ]);
  });

  it('exited (host): pid and one app-<name>= per recorded exit code', () => {
    const exited = { ...HOST_POD, pid: 77, apps: [...HOST_POD.apps, app({ name: 'nocode' })] };
    expect(podStatusLines(exited, 'UTC')).toEqual([
      'state=exited',
      CREATED,
      STARTED,
      'networks=',
      'pid=77',
      'exited=true',
      'app-busybox=7',
    ]);
  });

  it('exited (fly): no app lines without status files', () => {
    expect(podStatusLines({ ...FLY_POD, pid: 9 }, 'UTC').slice(-3)).toEqual([
      'networks=',
      'pid=9',
      'exited=true',
    ]);
  });

  it('exited garbage: no networks line', () => {
    const marked = { ...HOST_POD, state: 'exited garbage' as const, pid: 77 };
    expect(podStatusLines(marked, 'UTC')).toEqual([
      'state=exited garbage',
      CREATED,
      STARTED,
      'pid=77',
      'exited=true',
      'app-busybox=7',
    ]);
  });

  it('a pod that never started: no started and no pid lines', () => {
    const refused = pod({
      state: 'exited',
      createdAt: times.createdAt,
      apps: [app({ name: 'a' }), app({ name: 'b' })],
    });
    expect(podStatusLines(refused, 'UTC')).toEqual(['state=exited', CREATED, 'networks=', 'exited=true']);
  });

  it('networks of a running pod', () => {
    const nets = [
      { netName: 'default', netConf: '', pluginPath: '', ifName: '', ip: '172.16.28.2', args: '', mask: '' },
    ];
    expect(podStatusLines(pod({ state: 'running', networks: nets }), 'UTC')).toContain(
      'networks=default:ip4=172.16.28.2',
    );
  });

  it.each(['exited deleting', 'deleting'] as const)('%s: pid and app codes, exited=false', (state) => {
    expect(podStatusLines({ ...HOST_POD, state, pid: 1 }, 'UTC').slice(-3)).toEqual([
      'pid=1',
      'exited=false',
      'app-busybox=7',
    ]);
  });

  it.each(['preparing', 'aborted prepare', 'garbage'] as const)(
    '%s: state and the zero creation time',
    (state) => {
      expect(podStatusLines(pod({ state }), 'UTC')).toEqual([
        `state=${state}`,
        'created=0001-01-01 00:00:00 +0000 UTC',
      ]);
    },
  );
});
