import { describe, expect, it } from 'vitest';
import { applyManifestFlags, skeletonManifest } from './manifest-flags.js';

describe('applyManifestFlags', () => {
  it('adds os and arch to a bare rootfs only when asked and when absent', () => {
    const m = applyManifestFlags(
      skeletonManifest(),
      { name: 'example.com/x', labels: ['arch=aarch64'] },
      true,
    );
    expect(m.labels).toEqual([
      { name: 'arch', value: 'aarch64' },
      { name: 'os', value: 'linux' },
    ]);
    expect(applyManifestFlags(skeletonManifest(), { name: 'example.com/x' }, false).labels).toBeUndefined();
  });

  it('replaces a label given twice and keeps the manifest it started from', () => {
    const base = { ...skeletonManifest(), labels: [{ name: 'version', value: '1' }] };
    const m = applyManifestFlags(base, { labels: ['version=2'] }, false);
    expect(m.labels).toEqual([{ name: 'version', value: '2' }]);
    expect(base.labels).toEqual([{ name: 'version', value: '1' }]);
  });

  it('creates an app section with user and group 0 only when an app flag is given', () => {
    expect(applyManifestFlags(skeletonManifest(), { env: ['A=1'] }, false).app).toEqual({
      user: '0',
      group: '0',
      environment: [{ name: 'A', value: '1' }],
    });
    expect(applyManifestFlags(skeletonManifest(), { env: [] }, false).app).toBeUndefined();
  });

  it('parses dependencies with version, image ID, size and labels', () => {
    const m = applyManifestFlags(
      skeletonManifest(),
      { dependencies: ['example.com/base:1.2,imageID=sha512-ab,size=10,os=linux', 'example.com/other'] },
      false,
    );
    expect(m.dependencies).toEqual([
      {
        imageName: 'example.com/base',
        imageID: 'sha512-ab',
        size: 10,
        labels: [
          { name: 'version', value: '1.2' },
          { name: 'os', value: 'linux' },
        ],
      },
      { imageName: 'example.com/other' },
    ]);
  });

  it.each([
    [{ mountPoints: ['name=data'] }, /--mount-point=name=data: name and path are required/],
    [{ mountPoints: ['name=d,path=/d,readOnly=yes'] }, /expected true or false/],
    [{ mountPoints: ['name=d,path=/d,bogus=1'] }, /unknown key "bogus"/],
    [{ ports: ['name=http'] }, /name and port are required/],
    [{ ports: ['name=http,port=80,name=x'] }, /"name" given twice/],
    [{ labels: ['=x'] }, /--label==x: expected KEY=VALUE/],
    [{ dependencies: ['example.com/b,size=-1'] }, /non-negative integer/],
  ])('rejects malformed flag values: %j', (flags, message) => {
    expect(() => applyManifestFlags(skeletonManifest(), flags, false)).toThrow(message);
  });
});
