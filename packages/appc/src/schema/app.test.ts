import { describe, expect, it } from 'vitest';
import { parseApp } from './app.js';
import { expectManifestError, minimalApp } from './test-fixtures.js';

const app = (extra: Record<string, unknown>): ReturnType<typeof parseApp> =>
  parseApp(minimalApp(extra), 'app');
const port = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'http',
  protocol: 'tcp',
  port: 80,
  ...extra,
});

describe('app: accepted', () => {
  it('keeps exec, user and group; omits absent optionals', () => {
    expect(app({})).toEqual({ exec: ['/bin/app'], user: '0', group: '0' });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['empty exec', { exec: [] }, { exec: [] }],
    ['named user and group', { user: 'nobody', group: 'nogroup' }, { user: 'nobody', group: 'nogroup' }],
    ['path user', { user: '/etc/app.conf', group: '/etc/app.conf' }, { user: '/etc/app.conf' }],
    ['supplementaryGIDs', { supplementaryGIDs: [10, 20] }, { supplementaryGIDs: [10, 20] }],
    ['supplementaryGids alias', { supplementaryGids: [5] }, { supplementaryGIDs: [5] }],
    ['workingDirectory', { workingDirectory: '/srv' }, { workingDirectory: '/srv' }],
    [
      'env',
      {
        environment: [
          { name: 'a.b-c', value: 'x=y' },
          { name: '_X', value: '' },
        ],
      },
      {
        environment: [
          { name: 'a.b-c', value: 'x=y' },
          { name: '_X', value: '' },
        ],
      },
    ],
    ['env without value', { environment: [{ name: 'A' }] }, { environment: [{ name: 'A', value: '' }] }],
    [
      'event handlers',
      {
        eventHandlers: [
          { name: 'pre-start', exec: ['/setup'] },
          { name: 'post-stop', exec: ['/cleanup', '-v'] },
        ],
      },
      {
        eventHandlers: [
          { name: 'pre-start', exec: ['/setup'] },
          { name: 'post-stop', exec: ['/cleanup', '-v'] },
        ],
      },
    ],
    [
      'mount point',
      { mountPoints: [{ name: 'data', path: '/var/data', readOnly: true }] },
      { mountPoints: [{ name: 'data', path: '/var/data', readOnly: true }] },
    ],
    [
      'mount point without readOnly',
      { mountPoints: [{ name: 'data', path: '/d' }] },
      { mountPoints: [{ name: 'data', path: '/d' }] },
    ],
    [
      'port defaults',
      { ports: [port()] },
      { ports: [{ name: 'http', protocol: 'tcp', port: 80, count: 1, socketActivated: false }] },
    ],
    [
      'port count 0 → 1',
      { ports: [port({ count: 0 })] },
      { ports: [{ name: 'http', protocol: 'tcp', port: 80, count: 1, socketActivated: false }] },
    ],
    [
      'port range to 65535',
      { ports: [port({ port: 65534, count: 2, socketActivated: true })] },
      { ports: [{ name: 'http', protocol: 'tcp', port: 65534, count: 2, socketActivated: true }] },
    ],
    [
      'isolators',
      { isolators: [{ name: 'os/linux/no-new-privileges', value: true }] },
      { isolators: [{ known: true, name: 'os/linux/no-new-privileges', value: true, raw: true }] },
    ],
    [
      'user maps',
      { userAnnotations: { 'Any Key': 'v' }, userLabels: { tier: 'web' } },
      { userAnnotations: { 'Any Key': 'v' }, userLabels: { tier: 'web' } },
    ],
  ])('%s', (_name, extra, expected) => {
    expect(app(extra)).toMatchObject(expected);
  });

  it('accepts an app without exec, and an empty workingDirectory as unset', () => {
    expect(app({ exec: undefined, workingDirectory: '' })).toEqual({ user: '0', group: '0' });
  });

  it('reads keys case-insensitively and ignores unknown keys (Go)', () => {
    expect(parseApp({ EXEC: ['/x'], User: 'u', GROUP: 'g', extra: 1 }, 'app')).toEqual({
      exec: ['/x'],
      user: 'u',
      group: 'g',
    });
  });
});

describe('app: rejected', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no user', { user: undefined }, 'app.user', 'is required'],
    ['empty user', { user: '' }, 'app.user', 'is required'],
    ['no group', { group: undefined }, 'app.group', 'is required'],
    ['numeric user', { user: 0 }, 'app.user', 'must be a string, got number 0'],
    ['exec not array', { exec: '/bin/sh' }, 'app.exec', 'must be an array'],
    ['exec element', { exec: ['/bin/sh', 1] }, 'app.exec[1]', 'must be a string'],
    [
      'relative workingDirectory',
      { workingDirectory: 'tmp' },
      'app.workingDirectory',
      'must be an absolute path, got "tmp"',
    ],
    ['negative gid', { supplementaryGIDs: [-1] }, 'app.supplementaryGIDs[0]', 'between 0 and'],
    ['float gid', { supplementaryGIDs: [1.5] }, 'app.supplementaryGIDs[0]', 'must be an integer'],
    [
      'handler post-start',
      { eventHandlers: [{ name: 'post-start', exec: ['/x'] }] },
      'app.eventHandlers[0].name',
      '"post-start" must be "pre-start" or "post-stop"',
    ],
    [
      'two pre-start',
      {
        eventHandlers: [
          { name: 'pre-start', exec: ['/a'] },
          { name: 'pre-start', exec: ['/b'] },
        ],
      },
      'app.eventHandlers[1].name',
      'only one "pre-start"',
    ],
    [
      'handler without exec',
      { eventHandlers: [{ name: 'pre-start' }] },
      'app.eventHandlers[0].exec',
      'non-empty',
    ],
    [
      'handler without name',
      { eventHandlers: [{ exec: ['/a'] }] },
      'app.eventHandlers[0].name',
      'is required',
    ],
    [
      'env name 1A',
      { environment: [{ name: '1A', value: '' }] },
      'app.environment[0].name',
      '"1A" is not a valid environment variable name',
    ],
    [
      'env name with =',
      { environment: [{ name: 'A=B', value: '' }] },
      'app.environment[0].name',
      'not a valid',
    ],
    [
      'duplicate env',
      {
        environment: [
          { name: 'A', value: '1' },
          { name: 'A', value: '2' },
        ],
      },
      'app.environment[1].name',
      'duplicate environment variable "A"',
    ],
    [
      'env value number',
      { environment: [{ name: 'A', value: 1 }] },
      'app.environment[0].value',
      'must be a string',
    ],
    [
      'mountPoint a_b',
      { mountPoints: [{ name: 'a_b', path: '/x' }] },
      'app.mountPoints[0].name',
      '"a_b" is not a valid AC name',
    ],
    [
      'mountPoint without path',
      { mountPoints: [{ name: 'data' }] },
      'app.mountPoints[0].path',
      'is required',
    ],
    [
      'mountPoint readOnly string',
      { mountPoints: [{ name: 'd', path: '/d', readOnly: 'yes' }] },
      'app.mountPoints[0].readOnly',
      'must be a boolean',
    ],
    ['port 0', { ports: [port({ port: 0 })] }, 'app.ports[0].port', 'between 1 and 65535, got 0'],
    ['port missing', { ports: [port({ port: undefined })] }, 'app.ports[0].port', 'between 1 and 65535'],
    ['port 65536', { ports: [port({ port: 65536 })] }, 'app.ports[0].port', 'got 65536'],
    [
      'port 65535 count 2',
      { ports: [port({ port: 65535, count: 2 })] },
      'app.ports[0].count',
      'ends past 65535',
    ],
    [
      'port name p.x',
      { ports: [port({ name: 'p.x' })] },
      'app.ports[0].name',
      '"p.x" is not a valid AC name',
    ],
    [
      'port without protocol',
      { ports: [port({ protocol: undefined })] },
      'app.ports[0].protocol',
      'is required',
    ],
    ['negative count', { ports: [port({ count: -1 })] }, 'app.ports[0].count', 'between 0 and 65535'],
    [
      'socketActivated string',
      { ports: [port({ socketActivated: 'true' })] },
      'app.ports[0].socketActivated',
      'must be a boolean',
    ],
    [
      'unknown isolator',
      { isolators: [{ name: 'example.com/x', value: 1 }] },
      'app.isolators[0].name',
      'unknown isolator',
    ],
    ['userAnnotations value', { userAnnotations: { a: 1 } }, 'app.userAnnotations["a"]', 'must be a string'],
    ['userLabels array', { userLabels: ['a'] }, 'app.userLabels', 'must be an object'],
  ])('%s', (_name, extra, field, text) => {
    expectManifestError(() => app(extra), field, text);
  });

  it('must be an object', () => {
    expectManifestError(() => parseApp([], 'apps[1].app'), 'apps[1].app', 'must be an object, got array []');
  });
});
