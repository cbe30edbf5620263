import { describe, expect, it } from 'vitest';
import { assertPodManifestReified, parsePodManifest } from './pod-manifest.js';
import { ID, expectManifestError, minimalApp, podJson, runtimeApp } from './test-fixtures.js';

const hostVol = { name: 'data', kind: 'host', source: '/srv/data' };

describe('parsePodManifest: accepted', () => {
  it('reads a minimal pod', () => {
    expect(parsePodManifest(podJson({ apps: [runtimeApp()] }))).toEqual({
      acVersion: '0.8.11',
      acKind: 'PodManifest',
      apps: [{ name: 'web', image: { id: ID } }],
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no acVersion (QUIRK, Go accepts)', { acVersion: undefined }],
    ['no apps', { apps: undefined }],
    ['empty apps', { apps: [] }],
    [
      'app without image.id but with a name (template)',
      { apps: [{ name: 'a', image: { name: 'example.com/a' } }] },
    ],
    ['unknown pod isolator', { isolators: [{ name: 'example.com/gpu', value: { n: 1 } }] }],
    [
      'duplicate unknown pod isolators',
      {
        isolators: [
          { name: 'x/y', value: 1 },
          { name: 'x/y', value: 2 },
        ],
      },
    ],
    ['pod resource isolator', { isolators: [{ name: 'resource/memory', value: { limit: '1G' } }] }],
    ['sysctl', { isolators: [{ name: 'os/unix/sysctl', value: { 'net.ipv4.ip_forward': '1' } }] }],
    ['annotation with AC identifier name', { annotations: [{ name: 'example.com/x', value: 'y' }] }],
    ['hostPort 0', { ports: [{ name: 'http', hostPort: 0 }] }],
    ['IPv6 hostIP', { ports: [{ name: 'http', hostPort: 8080, hostIP: '::1' }] }],
    ['user maps', { userAnnotations: { a: 'b' }, userLabels: { c: 'd' } }],
  ])('%s', (_name, extra) => {
    expect(() => parsePodManifest(podJson(extra))).not.toThrow();
  });

  it('fills empty-volume defaults and keeps host volume options', () => {
    const m = parsePodManifest(
      podJson({
        volumes: [
          { name: 'scratch', kind: 'empty' },
          { ...hostVol, readOnly: true, recursive: false },
        ],
      }),
    );
    expect(m.volumes).toEqual([
      { name: 'scratch', kind: 'empty', mode: '0755', uid: 0, gid: 0 },
      { name: 'data', kind: 'host', source: '/srv/data', readOnly: true, recursive: false },
    ]);
  });

  it('keeps an explicit empty-volume mode, uid and gid', () => {
    const m = parsePodManifest(
      podJson({
        volumes: [{ name: 's', kind: 'empty', mode: '1777', uid: 1000, gid: 100, readOnly: false }],
      }),
    );
    expect(m.volumes).toEqual([
      { name: 's', kind: 'empty', mode: '1777', uid: 1000, gid: 100, readOnly: false },
    ]);
  });

  it('reads a full runtime app', () => {
    const m = parsePodManifest(
      podJson({
        volumes: [hostVol],
        apps: [
          runtimeApp({
            image: { name: 'example.com/web', id: ID, labels: [{ name: 'version', value: '1' }] },
            app: minimalApp({ workingDirectory: '/w' }),
            readOnlyRootFS: true,
            mounts: [
              { volume: 'data', path: '/data' },
              { volume: 'inline', path: '/x', appVolume: { name: 'inline', kind: 'empty' } },
            ],
            annotations: [{ name: 'a', value: 'b' }],
          }),
        ],
        ports: [
          {
            name: 'http',
            hostPort: 8080,
            hostIP: '127.0.0.1',
            podPort: { name: 'http', protocol: 'tcp', port: 80 },
          },
        ],
      }),
    );
    expect(m.apps[0]).toEqual({
      name: 'web',
      image: { name: 'example.com/web', id: ID, labels: [{ name: 'version', value: '1' }] },
      app: { exec: ['/bin/app'], user: '0', group: '0', workingDirectory: '/w' },
      readOnlyRootFS: true,
      mounts: [
        { volume: 'data', path: '/data' },
        {
          volume: 'inline',
          path: '/x',
          appVolume: { name: 'inline', kind: 'empty', mode: '0755', uid: 0, gid: 0 },
        },
      ],
      annotations: [{ name: 'a', value: 'b' }],
    });
    expect(m.ports).toEqual([
      {
        name: 'http',
        hostPort: 8080,
        hostIP: '127.0.0.1',
        podPort: { name: 'http', protocol: 'tcp', port: 80, count: 1, socketActivated: false },
      },
    ]);
  });
});

describe('parsePodManifest: rejected', () => {
  const vol = (v: Record<string, unknown>): Record<string, unknown> => ({ volumes: [v] });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['wrong kind', { acKind: 'ImageManifest' }, 'acKind', 'must be "PodManifest"'],
    ['bad acVersion when present', { acVersion: 'latest' }, 'acVersion', '"latest"'],
    ['apps not an array', { apps: {} }, 'apps', 'must be an array'],
    [
      'duplicate app names',
      { apps: [runtimeApp(), runtimeApp()] },
      'apps[1].name',
      'duplicate app name "web"',
    ],
    ['app name a_b', { apps: [runtimeApp({ name: 'a_b' })] }, 'apps[0].name', '"a_b" is not a valid AC name'],
    ['app without name', { apps: [{ image: { id: ID } }] }, 'apps[0].name', 'is required'],
    ['app without image', { apps: [{ name: 'a' }] }, 'apps[0].image', 'is required'],
    [
      'image with neither id nor name',
      { apps: [runtimeApp({ image: {} })] },
      'apps[0].image',
      'must have an id or a name',
    ],
    ['bad image id', { apps: [runtimeApp({ image: { id: 'sha256-x' } })] }, 'apps[0].image.id', 'sha256'],
    [
      'bad image name',
      { apps: [runtimeApp({ image: { name: 'Web' } })] },
      'apps[0].image.name',
      'not a valid AC identifier',
    ],
    [
      'image labels',
      { apps: [runtimeApp({ image: { id: ID, labels: [{ name: 'os', value: 'dos' }] } })] },
      'apps[0].image.labels[0].value',
      'bad os',
    ],
    [
      'app override without user',
      { apps: [runtimeApp({ app: { group: '0' } })] },
      'apps[0].app.user',
      'is required',
    ],
    [
      'app override bad exec',
      { apps: [runtimeApp({ app: minimalApp({ exec: 'x' }) })] },
      'apps[0].app.exec',
      'must be an array',
    ],
    [
      'readOnlyRootFS string',
      { apps: [runtimeApp({ readOnlyRootFS: 'true' })] },
      'apps[0].readOnlyRootFS',
      'must be a boolean',
    ],
    [
      'mount without volume',
      { apps: [runtimeApp({ mounts: [{ path: '/x' }] })] },
      'apps[0].mounts[0].volume',
      'is required',
    ],
    [
      'mount of undefined volume',
      { apps: [runtimeApp({ mounts: [{ volume: 'nope', path: '/x' }] })] },
      'apps[0].mounts[0].volume',
      '"nope" is not a volume of this pod',
    ],
    [
      'mount without path',
      { volumes: [hostVol], apps: [runtimeApp({ mounts: [{ volume: 'data' }] })] },
      'apps[0].mounts[0].path',
      'is required',
    ],
    [
      'bad appVolume',
      {
        apps: [
          runtimeApp({ mounts: [{ volume: 'v', path: '/x', appVolume: { name: 'v', kind: 'tmpfs' } }] }),
        ],
      },
      'apps[0].mounts[0].appVolume.kind',
      '"tmpfs"',
    ],
    ['duplicate volumes', { volumes: [hostVol, hostVol] }, 'volumes[1].name', 'duplicate volume "data"'],
    [
      'volume kind tmpfs',
      vol({ name: 'v', kind: 'tmpfs' }),
      'volumes[0].kind',
      'must be "host" or "empty", got "tmpfs"',
    ],
    ['volume without kind', vol({ name: 'v' }), 'volumes[0].kind', 'is required'],
    ['volume name a.b', vol({ name: 'a.b', kind: 'empty' }), 'volumes[0].name', 'not a valid AC name'],
    [
      'host volume relative',
      vol({ name: 'v', kind: 'host', source: 'srv' }),
      'volumes[0].source',
      'must be an absolute path, got "srv"',
    ],
    ['host volume without source', vol({ name: 'v', kind: 'host' }), 'volumes[0].source', 'is required'],
    [
      'host volume with mode',
      vol({ ...hostVol, mode: '0755' }),
      'volumes[0].mode',
      'only allowed for "empty"',
    ],
    ['host volume with uid', vol({ ...hostVol, uid: 0 }), 'volumes[0].uid', 'only allowed'],
    ['host volume with gid', vol({ ...hostVol, gid: 0 }), 'volumes[0].gid', 'only allowed'],
    [
      'empty volume with source',
      vol({ name: 'v', kind: 'empty', source: '/x' }),
      'volumes[0].source',
      'must be empty',
    ],
    [
      'empty volume mode rwx',
      vol({ name: 'v', kind: 'empty', mode: 'rwx' }),
      'volumes[0].mode',
      '"rwx" is not an octal mode',
    ],
    [
      'empty volume negative uid',
      vol({ name: 'v', kind: 'empty', uid: -1 }),
      'volumes[0].uid',
      'between 0 and',
    ],
    ['volume readOnly string', vol({ ...hostVol, readOnly: 1 }), 'volumes[0].readOnly', 'must be a boolean'],
    [
      'hostIP nope',
      { ports: [{ name: 'http', hostPort: 80, hostIP: 'nope' }] },
      'ports[0].hostIP',
      '"nope" is not an IP address',
    ],
    [
      'hostIP with zone',
      { ports: [{ name: 'http', hostPort: 80, hostIP: 'fe80::1%eth0' }] },
      'ports[0].hostIP',
      'not an IP',
    ],
    [
      'hostPort too big',
      { ports: [{ name: 'http', hostPort: 70000 }] },
      'ports[0].hostPort',
      'between 0 and 65535',
    ],
    [
      'exposed port name',
      { ports: [{ name: 'HTTP', hostPort: 80 }] },
      'ports[0].name',
      'not a valid AC name',
    ],
    [
      'duplicate exposed port',
      {
        ports: [
          { name: 'h', hostPort: 80 },
          { name: 'h', hostPort: 81 },
        ],
      },
      'ports[1].name',
      'duplicate exposed port "h"',
    ],
    [
      'bad podPort',
      { ports: [{ name: 'h', hostPort: 80, podPort: { name: 'h', protocol: 'tcp', port: 0 } }] },
      'ports[0].podPort.port',
      'between 1 and 65535',
    ],
    [
      'pod isolator bad value',
      { isolators: [{ name: 'resource/cpu', value: { limit: 'lots' } }] },
      'isolators[0].value.limit',
      '"lots"',
    ],
    [
      'app-only isolator at pod level',
      { isolators: [{ name: 'os/linux/no-new-privileges', value: true }] },
      'isolators[0].name',
      'not allowed in pod isolators',
    ],
    [
      'two pod sysctls',
      {
        isolators: [
          { name: 'os/unix/sysctl', value: {} },
          { name: 'os/unix/sysctl', value: {} },
        ],
      },
      'isolators[1].name',
      'only one',
    ],
    [
      'annotation uppercase',
      { annotations: [{ name: 'X', value: 'y' }] },
      'annotations[0].name',
      'not a valid AC identifier',
    ],
    [
      'duplicate annotation',
      {
        annotations: [
          { name: 'x', value: '1' },
          { name: 'x', value: '2' },
        ],
      },
      'annotations[1].name',
      'duplicate',
    ],
    ['userLabels value', { userLabels: { a: null } }, 'userLabels["a"]', 'must be a string, got null'],
  ])('%s', (_name, extra, field, text) => {
    expectManifestError(() => parsePodManifest(podJson(extra)), field, text);
  });
});

describe('assertPodManifestReified', () => {
  it('requires every app image to have an id', () => {
    const template = parsePodManifest(
      podJson({ apps: [runtimeApp(), runtimeApp({ name: 'b', image: { name: 'example.com/b' } })] }),
    );
    expectManifestError(() => assertPodManifestReified(template), 'apps[1].image.id', 'reified');
    expect(() => assertPodManifestReified(parsePodManifest(podJson({ apps: [runtimeApp()] })))).not.toThrow();
  });
});
