import { parseImageManifest } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './argv.js';
import { buildPodManifest, defaultAppName, type ManifestContext } from './pod-manifest.js';

const busybox = {
  key: 'sha512-' + 'a'.repeat(64),
  manifest: parseImageManifest({
    acKind: 'ImageManifest',
    acVersion: '0.8.11',
    name: 'example.com/busybox',
    labels: [{ name: 'version', value: '1.35.0' }],
    app: {
      exec: ['/bin/sh', '-c', 'echo hi'],
      user: '0',
      group: '0',
      environment: [
        { name: 'A', value: 'image' },
        { name: 'B', value: 'image' },
      ],
      isolators: [{ name: 'os/linux/capabilities-remove-set', value: { set: ['CAP_NET_RAW'] } }],
    },
  }),
};
const bare = {
  key: 'sha512-' + 'b'.repeat(64),
  manifest: parseImageManifest({ acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/base' }),
};
const files: Record<string, string> = { '/env': '# comment\nB=file\n\nC=file\n' };
const ctx: ManifestContext = {
  rktVersion: '1.31.0-dev',
  hostEnv: { A: 'host', H: 'host' },
  readFile: (p) => files[p] ?? '',
  uid: 0,
  gid: 0,
};

function build(words: string[], images = [busybox]) {
  return buildPodManifest(parseRunArgs(words, 'run'), images, ctx);
}

describe('buildPodManifest', () => {
  it("writes rkt's manifest for a plain run", () => {
    const m = build(['img']);
    expect(m).toMatchObject({
      acVersion: '1.31.0-dev',
      acKind: 'PodManifest',
      annotations: [{ name: 'coreos.com/rkt/stage1/mutable', value: 'false' }],
      apps: [
        {
          name: 'busybox',
          image: {
            name: 'example.com/busybox',
            id: busybox.key,
            labels: [{ name: 'version', value: '1.35.0' }],
          },
          app: { exec: ['/bin/sh', '-c', 'echo hi'], user: '0', group: '0' },
        },
      ],
    });
  });

  it('replaces exec with --exec and the words after --, or appends the words to the image exec', () => {
    expect(build(['img', '--exec=/bin/true', '--', 'x']).apps[0]!.app!.exec).toEqual(['/bin/true', 'x']);
    expect(build(['img', '--', 'extra']).apps[0]!.app!.exec).toEqual(['/bin/sh', '-c', 'echo hi', 'extra']);
  });

  it('merges the environment: host < image < file < --set-env < --environment', () => {
    const env = build([
      '--inherit-env',
      '--set-env-file=/env',
      '--set-env=C=set',
      'img',
      '--environment=D=app',
    ]).apps[0]!.app!.environment;
    expect(env).toEqual([
      { name: 'A', value: 'image' },
      { name: 'B', value: 'file' },
      { name: 'H', value: 'host' },
      { name: 'C', value: 'set' },
      { name: 'D', value: 'app' },
    ]);
  });

  it('sets user, group, groups, working dir, read-only rootfs, annotations and user labels per app', () => {
    const m = build([
      'img',
      '--name=one',
      '--user=app',
      '--group=users',
      '--supplementary-gids=10,20',
      '--working-dir=/tmp',
      '--readonly-rootfs',
      '--annotation=k=v',
      '--user-label=tier=web',
      '--user-annotation=team=a',
    ]);
    expect(m.apps[0]).toMatchObject({
      name: 'one',
      readOnlyRootFS: true,
      annotations: [{ name: 'k', value: 'v' }],
      app: {
        user: 'app',
        group: 'users',
        supplementaryGIDs: [10, 20],
        workingDirectory: '/tmp',
        userLabels: { tier: 'web' },
        userAnnotations: { team: 'a' },
      },
    });
  });

  it('turns volume, mount and port flags into the manifest, app mounts winning over pod mounts', () => {
    const m = build([
      '--volume=data,kind=host,source=/srv,readOnly=true',
      '--volume=scratch,kind=empty,mode=0700',
      '--mount=volume=data,target=/data',
      '--port=http:8080',
      'img',
      '--mount=volume=scratch,target=/data/',
    ]);
    expect(m.volumes).toEqual([
      { name: 'data', kind: 'host', source: '/srv', readOnly: true },
      { name: 'scratch', kind: 'empty', mode: '0700', uid: 0, gid: 0 },
    ]);
    expect(m.apps[0]!.mounts).toEqual([{ volume: 'scratch', path: '/data/' }]);
    expect(m.ports).toEqual([{ name: 'http', hostPort: 8080 }]);
  });

  it('applies isolator flags as rkt does', () => {
    const isolators = build([
      'img',
      '--memory=128M',
      '--cpu=500m',
      '--caps-retain=CAP_CHOWN,cap_kill',
      '--seccomp=mode=remove,errno=EPERM,reboot',
    ]).apps[0]!.app!.isolators!.map((i) => ({ name: i.name, raw: i.raw }));
    expect(isolators).toEqual([
      { name: 'resource/memory', raw: { limit: '128M' } },
      { name: 'resource/cpu', raw: { limit: '500m' } },
      { name: 'os/linux/capabilities-retain-set', raw: { set: ['CAP_CHOWN', 'CAP_KILL'] } },
      { name: 'os/linux/seccomp-remove-set', raw: { set: ['reboot'], errno: 'EPERM' } },
    ]);
  });

  it('synthesises an app for an image without one when --exec is given', () => {
    expect(build(['img', '--exec=/bin/sh'], [bare]).apps[0]!.app).toEqual({
      exec: ['/bin/sh'],
      user: '0',
      group: '0',
    });
  });

  it.each<[string[], RegExp]>([
    [['img'], /has no app section: give it an --exec/],
    [['img', '--caps-retain=CAP_KILL', '--caps-remove=CAP_CHOWN'], /cannot be used together/],
    [['--set-env=A=1', '--set-env=A=2', 'img'], /"A" is set twice/],
    [['--volume=v,kind=tmpfs', 'img'], /volumes\[0\]\.kind/],
    [['img', '--mount=volume=nope,target=/x'], /mounts\[0\]\.volume/],
    [['--port=http', 'img'], /expected NAME:\[HOSTIP:\]HOSTPORT/],
    [['img', '--working-dir=rel'], /workingDirectory/],
  ])('rejects %j', (words, message) => {
    const images = words.includes('--exec')
      ? [busybox]
      : [words[0] === 'img' && words.length === 1 ? bare : busybox];
    expect(() => build(words, images)).toThrow(message);
  });

  it('rejects duplicate app names', () => {
    expect(() => build(['img', 'img'], [busybox, busybox])).toThrow(/duplicate app name "busybox"/);
  });
});

describe('defaultAppName', () => {
  it.each([
    ['example.com/busybox', 'busybox'],
    ['example.com/My_App', 'my-app'],
    ['single', 'single'],
  ])('%s -> %s', (image, name) => expect(defaultAppName(image)).toBe(name));
});
