import { describe, expect, it } from 'vitest';
import { IMAGE_ID, UUIDS } from '../testing.js';
import { app, FLY_POD, HOST_POD, NOW, pod } from './fixtures.js';
import { formatNetworks, podListTable } from './list-table.js';

const net = { netConf: '', pluginPath: '', ifName: 'eth0', args: '', mask: '' };

describe('podListTable (rkt-observed §7)', () => {
  it('prints the observed table', () => {
    expect(podListTable([HOST_POD, FLY_POD], { now: NOW })).toBe(
      'UUID\t\tAPP\tIMAGE NAME\t\t\tSTATE\tCREATED\t\tSTARTED\t\tNETWORKS\n' +
        '4c45384b\tbusybox\texample.com/busybox:1.35.0\texited\t1 second ago\t1 second ago\t\n' +
        'd9d04668\tbusybox\texample.com/busybox:1.35.0\texited\t3 seconds ago\t3 seconds ago\t\n',
    );
  });

  it('a prepared pod has no STARTED', () => {
    const prepared = pod({ uuid: UUIDS.c, state: 'prepared', createdAt: BigInt(NOW.getTime()) * 1_000_000n });
    expect(podListTable([prepared], { now: NOW, noLegend: true })).toBe(
      '3aa4bd49\tbusybox\texample.com/busybox:1.35.0\tprepared\tnow\t\t\n',
    );
  });

  it('a multi-app pod: pod cells on the first row only', () => {
    const t = (BigInt(NOW.getTime()) - 2500n) * 1_000_000n;
    const multi = pod({
      uuid: UUIDS.d,
      createdAt: t,
      startedAt: t,
      apps: [app({ name: 'a' }), app({ name: 'b' })],
    });
    expect(podListTable([multi], { now: NOW, noLegend: true })).toBe(
      '6bb2adc2\ta\texample.com/busybox:1.35.0\texited\t2 seconds ago\t2 seconds ago\t\n' +
        '\t\tb\texample.com/busybox:1.35.0\t\t\t\t\t\t\n',
    );
  });

  it('--full: full UUID, IMAGE ID column (19 chars), absolute times', () => {
    expect(podListTable([FLY_POD], { full: true, zone: 'UTC' })).toBe(
      'UUID\t\t\t\t\tAPP\tIMAGE NAME\t\t\tIMAGE ID\t\tSTATE\tCREATED\t\t\t\t\tSTARTED\t\t\t\t\tNETWORKS\n' +
        `${UUIDS.b}\tbusybox\texample.com/busybox:1.35.0\tsha512-6b38a6a95895\texited\t` +
        '2026-11-28 18:31:16.42 +0000 UTC\t2026-11-28 18:31:16.429 +0000 UTC\t\n',
    );
    expect(IMAGE_ID.slice(0, 19)).toBe('sha512-6b38a6a95895');
  });

  it('no pods: the header alone with single tabs; --no-legend: nothing', () => {
    expect(podListTable([])).toBe('UUID\tAPP\tIMAGE NAME\tSTATE\tCREATED\tSTARTED\tNETWORKS\n');
    expect(podListTable([], { noLegend: true })).toBe('');
  });

  it('a pod without manifest is one row of -, with Go zero time as creation', () => {
    const preparing = pod({ state: 'preparing', manifest: undefined, apps: [] });
    expect(podListTable([preparing], { now: NOW, noLegend: true })).toBe(
      '4c45384b\t-\t-\tpreparing\ta long while ago\t\t\n',
    );
    expect(podListTable([preparing], { full: true, noLegend: true })).toBe(
      `${UUIDS.a}\t-\t-\t-\tpreparing\t0001-01-01 00:00:00 +0000 UTC\t\t\n`,
    );
  });

  it('an unreadable image manifest shows --', () => {
    const broken = pod({ apps: [app({ imageName: undefined })], createdAt: 0n });
    expect(podListTable([broken], { now: NOW, noLegend: true })).toMatch(/^4c45384b\tbusybox\t--\texited\t/);
  });

  it('NETWORKS: name:ip4=IP, comma separated', () => {
    const nets = [
      { ...net, netName: 'default', ip: '172.16.28.2' },
      { ...net, netName: 'lan', ip: '10.1.0.5' },
    ];
    expect(formatNetworks(nets)).toBe('default:ip4=172.16.28.2, lan:ip4=10.1.0.5');
    const running = pod({ state: 'running', networks: nets, createdAt: 0n, startedAt: 0n });
    expect(
      podListTable([running], { now: NOW, noLegend: true }).endsWith(
        '\tdefault:ip4=172.16.28.2, lan:ip4=10.1.0.5\n',
      ),
    ).toBe(true);
  });
});
