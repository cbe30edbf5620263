import type { Volume } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { mountRequests } from './mount-requests.js';

const host = (name: string, extra: Partial<Volume> = {}): Volume =>
  ({ name, kind: 'host', source: `/srv/${name}`, ...extra }) as Volume;
const empty = (name: string): Volume => ({ name, kind: 'empty', mode: '0700', uid: 1, gid: 2 });

describe('mountRequests (rkt GenerateMounts)', () => {
  it('mounts runtime-app mounts by volume name or inline appVolume', () => {
    const inline = host('inline');
    const { requests, warnings } = mountRequests(
      'web',
      [
        { volume: 'data', path: 'data/' },
        { volume: 'x', path: '/x', appVolume: inline },
      ],
      undefined,
      [host('data')],
    );
    expect(requests).toEqual([
      { volume: host('data'), path: '/data', readOnly: false },
      { volume: inline, path: '/x', readOnly: false },
    ]);
    expect(warnings).toEqual([]);
  });

  it('matches image mount points to pod volumes by name, skipping paths already mounted', () => {
    const { requests } = mountRequests(
      'web',
      [{ volume: 'logs', path: '/var/log' }],
      [
        { name: 'logs', path: '/var/log', readOnly: true },
        { name: 'data', path: '/data' },
      ],
      [host('logs'), empty('data')],
    );
    expect(requests).toEqual([
      { volume: host('logs'), path: '/var/log', readOnly: true },
      { volume: empty('data'), path: '/data', readOnly: false },
    ]);
  });

  it('gives a mount point without a volume an implicit empty volume, with a warning', () => {
    const { requests, warnings } = mountRequests('web', undefined, [{ name: 'cache', path: '/cache' }], []);
    expect(requests).toEqual([
      {
        volume: { name: 'web-cache', kind: 'empty', mode: '0755', uid: 0, gid: 0 },
        path: '/cache',
        readOnly: false,
      },
    ]);
    expect(warnings[0]).toContain('no volume specified for mount point "cache"');
  });

  it("lets a volume's own readOnly win over the mount point's", () => {
    const mps = [
      { name: 'a', path: '/a', readOnly: true },
      { name: 'b', path: '/b' },
    ];
    const { requests } = mountRequests('w', undefined, mps, [
      host('a', { readOnly: false }),
      host('b', { readOnly: true }),
    ]);
    expect(requests.map((r) => r.readOnly)).toEqual([false, true]);
  });

  it('refuses a mount of an unknown volume', () => {
    expect(() => mountRequests('w', [{ volume: 'nope', path: '/n' }], undefined, [])).toThrow(
      expect.objectContaining({ code: 'APP_VOLUME_NOT_FOUND' }),
    );
  });
});
