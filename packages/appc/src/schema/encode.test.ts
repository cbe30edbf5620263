import { describe, expect, it } from 'vitest';
import { decodeImageManifest, decodePodManifest } from './decode.js';
import { encodeImageManifest, encodePodManifest } from './encode.js';
import { parseImageManifest, type ImageManifest } from './image-manifest.js';
import { parsePodManifest } from './pod-manifest.js';
import { ID, expectManifestError, imageJson, minimalApp, podJson, runtimeApp } from './test-fixtures.js';
import { ManifestError } from './validation-error.js';

const fullImage = {
  pathWhitelist: ['/bin/app'],
  annotations: [{ value: '2015-01-01T00:00:00Z', name: 'created' }],
  dependencies: [
    { size: 10, labels: [{ name: 'version', value: '1' }], imageID: ID, imageName: 'example.com/base' },
  ],
  app: {
    userLabels: { b: '2', a: '1' },
    userAnnotations: { z: 'z', y: 'y' },
    isolators: [{ value: { limit: '1G' }, name: 'resource/memory' }],
    ports: [{ socketActivated: false, port: 80, protocol: 'tcp', name: 'http' }],
    mountPoints: [{ readOnly: true, path: '/data', name: 'data' }],
    environment: [{ value: '/bin', name: 'PATH' }],
    workingDirectory: '/',
    supplementaryGIDs: [1, 2],
    group: '0',
    user: '0',
    eventHandlers: [{ exec: ['/setup'], name: 'pre-start' }],
    exec: ['/bin/app', '--flag'],
  },
  labels: [{ value: 'linux', name: 'os' }],
  name: 'example.com/app',
  acVersion: '0.8.11',
  acKind: 'ImageManifest',
};

const fullImageText =
  '{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/app","labels":[{"name":"os","value":"linux"}],' +
  '"app":{"exec":["/bin/app","--flag"],"eventHandlers":[{"name":"pre-start","exec":["/setup"]}],"user":"0","group":"0",' +
  '"supplementaryGIDs":[1,2],"workingDirectory":"/","environment":[{"name":"PATH","value":"/bin"}],' +
  '"mountPoints":[{"name":"data","path":"/data","readOnly":true}],' +
  '"ports":[{"name":"http","protocol":"tcp","port":80,"count":1,"socketActivated":false}],' +
  '"isolators":[{"name":"resource/memory","value":{"limit":"1G"}}],"userAnnotations":{"y":"y","z":"z"},"userLabels":{"a":"1","b":"2"}},' +
  '"annotations":[{"name":"created","value":"2015-01-01T00:00:00Z"}],' +
  `"dependencies":[{"imageName":"example.com/base","imageID":"${ID}","labels":[{"name":"version","value":"1"}],"size":10}],` +
  '"pathWhitelist":["/bin/app"]}';

describe('encodeImageManifest', () => {
  it('writes the minimal manifest compactly with only present keys', () => {
    expect(encodeImageManifest(parseImageManifest(imageJson()))).toBe(
      '{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/app"}',
    );
  });

  it('writes keys in the order of appc Go types whatever the input order', () => {
    expect(encodeImageManifest(parseImageManifest(fullImage))).toBe(fullImageText);
  });

  it('writes canonical key spellings for case-folded input', () => {
    const m = parseImageManifest({
      ACKIND: 'ImageManifest',
      acversion: '0.8.11',
      NAME: 'a',
      App: { USER: '0', group: '0', supplementaryGids: [3] },
    });
    expect(encodeImageManifest(m)).toBe(
      '{"acKind":"ImageManifest","acVersion":"0.8.11","name":"a","app":{"user":"0","group":"0","supplementaryGIDs":[3]}}',
    );
  });

  it('escapes <, >, & and line separators as Go does', () => {
    const m = parseImageManifest(
      imageJson({ annotations: [{ name: 'authors', value: 'A <a@b.c> & B\u2028' }] }),
    );
    expect(encodeImageManifest(m)).toContain('"value":"A \\u003ca@b.c\\u003e \\u0026 B\\u2028"');
  });

  it('re-encodes isolators from their raw value, not the typed bigint one', () => {
    const text = encodeImageManifest(
      parseImageManifest(
        imageJson({
          app: minimalApp({ isolators: [{ name: 'resource/cpu', value: { limit: 0.5, request: '250m' } }] }),
        }),
      ),
    );
    expect(text).toContain('"isolators":[{"name":"resource/cpu","value":{"limit":0.5,"request":"250m"}}]');
  });

  it('is idempotent and round-trips through decode', () => {
    const once = encodeImageManifest(parseImageManifest(fullImage));
    const decoded = decodeImageManifest(once);
    expect(decoded).toEqual(parseImageManifest(fullImage));
    expect(encodeImageManifest(decoded)).toBe(once);
  });

  it('refuses to write an invalid manifest', () => {
    const bad = { ...parseImageManifest(imageJson()), name: 'Not Valid' } as ImageManifest;
    expectManifestError(() => encodeImageManifest(bad), 'name', '"Not Valid"');
    const noUser = { ...parseImageManifest(imageJson({ app: minimalApp() })) };
    noUser.app = { ...noUser.app!, user: '' };
    expect(() => encodeImageManifest(noUser)).toThrow(ManifestError);
  });
});

describe('encodePodManifest', () => {
  const pod = podJson({
    userLabels: { k: 'v' },
    ports: [
      {
        podPort: { name: 'http', protocol: 'tcp', port: 80 },
        hostIP: '0.0.0.0',
        hostPort: 8080,
        name: 'http',
      },
    ],
    annotations: [{ name: 'a', value: 'b' }],
    isolators: [{ name: 'example.com/gpu', value: { count: 1 } }, { name: 'example.com/flag' }],
    volumes: [
      { kind: 'empty', name: 'scratch' },
      { recursive: true, readOnly: true, source: '/srv', kind: 'host', name: 'data' },
    ],
    apps: [
      runtimeApp({
        annotations: [{ name: 'x', value: 'y' }],
        mounts: [
          { appVolume: { kind: 'empty', name: 'tmp' }, path: '/tmp', volume: 'tmp' },
          { path: '/d', volume: 'data' },
        ],
        readOnlyRootFS: false,
        app: minimalApp(),
        image: { labels: [{ name: 'version', value: '1' }], id: ID, name: 'example.com/web' },
      }),
    ],
  });

  it('writes Go key order, empty-volume defaults, port defaults and unknown isolators', () => {
    expect(encodePodManifest(parsePodManifest(pod))).toBe(
      '{"acVersion":"0.8.11","acKind":"PodManifest","apps":[{"name":"web",' +
        `"image":{"name":"example.com/web","id":"${ID}","labels":[{"name":"version","value":"1"}]},` +
        '"app":{"exec":["/bin/app"],"user":"0","group":"0"},"readOnlyRootFS":false,' +
        '"mounts":[{"volume":"tmp","path":"/tmp","appVolume":{"name":"tmp","kind":"empty","mode":"0755","uid":0,"gid":0}},{"volume":"data","path":"/d"}],' +
        '"annotations":[{"name":"x","value":"y"}]}],' +
        '"volumes":[{"name":"scratch","kind":"empty","mode":"0755","uid":0,"gid":0},{"name":"data","kind":"host","source":"/srv","readOnly":true,"recursive":true}],' +
        '"isolators":[{"name":"example.com/gpu","value":{"count":1}},{"name":"example.com/flag"}],' +
        '"annotations":[{"name":"a","value":"b"}],' +
        '"ports":[{"name":"http","hostPort":8080,"hostIP":"0.0.0.0","podPort":{"name":"http","protocol":"tcp","port":80,"count":1,"socketActivated":false}}],' +
        '"userLabels":{"k":"v"}}',
    );
  });

  it('writes apps even when the input had none, and omits a missing acVersion', () => {
    expect(encodePodManifest(parsePodManifest({ acKind: 'PodManifest' }))).toBe(
      '{"acKind":"PodManifest","apps":[]}',
    );
  });

  it('round-trips and is idempotent', () => {
    const once = encodePodManifest(parsePodManifest(pod));
    expect(decodePodManifest(once)).toEqual(parsePodManifest(pod));
    expect(encodePodManifest(decodePodManifest(once))).toBe(once);
  });

  it('refuses to write a pod whose mount names no volume', () => {
    const m = parsePodManifest(podJson({ apps: [runtimeApp()] }));
    m.apps[0]!.mounts = [{ volume: 'missing', path: '/x' }];
    expectManifestError(() => encodePodManifest(m), 'apps[0].mounts[0].volume', '"missing"');
  });
});
