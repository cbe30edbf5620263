import { describe, expect, it } from 'vitest';
import { parseImageManifest } from './image-manifest.js';
import { ID, expectManifestError, imageJson, minimalApp } from './test-fixtures.js';

describe('parseImageManifest: top level', () => {
  it('accepts the minimal manifest and omits absent keys', () => {
    expect(parseImageManifest(imageJson())).toEqual({
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'example.com/app',
    });
  });

  it('reads a full manifest', () => {
    const m = parseImageManifest(
      imageJson({
        labels: [
          { name: 'version', value: '1.0.0' },
          { name: 'os', value: 'linux' },
          { name: 'arch', value: 'amd64' },
        ],
        app: minimalApp(),
        dependencies: [
          {
            imageName: 'example.com/base',
            imageID: ID,
            labels: [{ name: 'version', value: '1' }],
            size: 1024,
          },
        ],
        pathWhitelist: ['/bin/app', 'relative/ok'],
        annotations: [{ name: 'created', value: '2015-01-01T00:00:00Z' }],
      }),
    );
    expect(m.app?.user).toBe('0');
    expect(m.dependencies).toEqual([
      { imageName: 'example.com/base', imageID: ID, labels: [{ name: 'version', value: '1' }], size: 1024 },
    ]);
    expect(m.pathWhitelist).toEqual(['/bin/app', 'relative/ok']);
    expect(m.labels).toHaveLength(3);
  });

  it('treats null like an absent key (Go zero value)', () => {
    expect(parseImageManifest(imageJson({ app: null, labels: null }))).toEqual(imageJson());
  });

  it('reads keys in any case and ignores unknown keys', () => {
    expect(
      parseImageManifest({ ackind: 'ImageManifest', ACVERSION: '0.8.11', Name: 'a', extra: { x: 1 } }),
    ).toEqual({
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'a',
    });
  });

  it.each<[string, unknown, string, string]>([
    ['not an object', [], 'manifest', 'must be an object, got array'],
    ['null', null, 'manifest', 'must be an object, got null'],
    [
      'wrong kind',
      imageJson({ acKind: 'PodManifest' }),
      'acKind',
      'must be "ImageManifest", got "PodManifest"',
    ],
    ['no kind', imageJson({ acKind: undefined }), 'acKind', 'is required'],
    ['no acVersion', imageJson({ acVersion: undefined }), 'acVersion', 'is required'],
    ['acVersion v-prefixed', imageJson({ acVersion: 'v0.8.11' }), 'acVersion', 'not a valid SemVer'],
    ['acVersion 1.0', imageJson({ acVersion: '1.0' }), 'acVersion', '"1.0"'],
    ['no name', imageJson({ name: undefined }), 'name', 'is required'],
    ['name A', imageJson({ name: 'A' }), 'name', '"A" is not a valid AC identifier'],
    ['name a-', imageJson({ name: 'a-' }), 'name', 'not a valid AC identifier'],
    ['name -a', imageJson({ name: '-a' }), 'name', 'not a valid AC identifier'],
    ['label named name', imageJson({ labels: [{ name: 'name', value: 'x' }] }), 'labels[0].name', '"name"'],
    [
      'label Version',
      imageJson({ labels: [{ name: 'Version', value: '1' }] }),
      'labels[0].name',
      '"Version" is not a valid AC identifier',
    ],
    [
      'os windows',
      imageJson({ labels: [{ name: 'os', value: 'windows' }] }),
      'labels[0].value',
      'bad os "windows"',
    ],
    ['app without user', imageJson({ app: { exec: ['/x'], group: '0' } }), 'app.user', 'is required'],
    ['app without group', imageJson({ app: { user: '0' } }), 'app.group', 'is required'],
    ['pathWhitelist not strings', imageJson({ pathWhitelist: [1] }), 'pathWhitelist[0]', 'must be a string'],
    [
      'dup annotation',
      imageJson({
        annotations: [
          { name: 'a', value: '1' },
          { name: 'a', value: '1' },
        ],
      }),
      'annotations[1].name',
      'duplicate',
    ],
    [
      'homepage ftp',
      imageJson({ annotations: [{ name: 'homepage', value: 'ftp://x.org' }] }),
      'annotations[0].value',
      'http or https',
    ],
  ])('rejects %s', (_name, input, field, text) => {
    expectManifestError(() => parseImageManifest(input), field, text);
  });
});

describe('parseImageManifest: dependencies', () => {
  const dep = (d: Record<string, unknown>): unknown => imageJson({ dependencies: [d] });

  it.each([
    { imageName: 'example.com/base' },
    { imageName: 'example.com/base', imageID: 'sha512-abc' },
    {
      imageName: 'a',
      labels: [
        { name: 'os', value: 'linux' },
        { name: 'arch', value: 'aarch64' },
      ],
    },
    { imageName: 'a', size: 0 },
  ])('accepts %j', (d) => {
    expect(parseImageManifest(dep(d)).dependencies).toEqual([d]);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{}, 'dependencies[0].imageName', 'is required'],
    [{ imageName: '' }, 'dependencies[0].imageName', 'is required'],
    [{ imageName: 'Base' }, 'dependencies[0].imageName', 'not a valid AC identifier'],
    [{ imageName: 'a', imageID: 'sha256-abc' }, 'dependencies[0].imageID', 'unsupported hash algorithm'],
    [
      { imageName: 'a', imageID: 'SHA512-abc' },
      'dependencies[0].imageID',
      'unsupported hash algorithm "SHA512"',
    ],
    [{ imageName: 'a', imageID: 'sha512-a-b' }, 'dependencies[0].imageID', 'not an image ID'],
    [{ imageName: 'a', imageID: 'sha512-zz' }, 'dependencies[0].imageID', 'hex'],
    [
      { imageName: 'a', labels: [{ name: 'os', value: 'beos' }] },
      'dependencies[0].labels[0].value',
      'bad os',
    ],
    [{ imageName: 'a', labels: [{ name: 'name', value: 'x' }] }, 'dependencies[0].labels[0].name', '"name"'],
    [{ imageName: 'a', size: -1 }, 'dependencies[0].size', 'between 0 and'],
    [{ imageName: 'a', size: '10' }, 'dependencies[0].size', 'must be an integer'],
  ])('rejects %j', (d, field, text) => {
    expectManifestError(() => parseImageManifest(dep(d)), field, text);
  });
});
