import { describe, expect, it } from 'vitest';
import { classifyImage, signaturePathFor } from './classify.js';

const env = (files: string[] = []) => ({ cwd: '/work', isRegularFile: (p: string) => files.includes(p) });

describe('classifyImage', () => {
  it.each([
    ['/abs/busybox', { kind: 'file', path: '/abs/busybox' }],
    ['./busybox', { kind: 'file', path: '/work/busybox' }],
    ['../x/app', { kind: 'file', path: '/x/app' }],
    ['busybox.aci', { kind: 'file', path: '/work/busybox.aci' }],
    ['file:///tmp/a%20b.aci', { kind: 'file', path: '/tmp/a b.aci' }],
  ])('%s is a file', (image, expected) => {
    expect(classifyImage(image, env())).toEqual(expected);
  });

  it('takes an existing regular file before any name rule', () => {
    expect(classifyImage('myimage', env(['/work/myimage']))).toEqual({ kind: 'file', path: '/work/myimage' });
  });

  it('reads a colon as a version, even in a name ending .aci', () => {
    expect(classifyImage('example.com/app:1.aci', env())).toEqual({
      kind: 'name',
      image: { name: 'example.com/app', labels: [{ name: 'version', value: '1.aci' }] },
    });
  });

  it.each(['http://127.0.0.1:8080/x/app.aci', 'https://example.com/app.aci?sig=1'])(
    '%s is a URL',
    (image) => {
      const source = classifyImage(image, env());
      expect(source.kind).toBe('url');
      expect(source.kind === 'url' && source.url.href).toBe(image);
    },
  );

  it.each(['https://example.com/app.tar', 'http://example.com/', 'file:///tmp/app.tgz'])(
    'refuses a URL that does not name an .aci: %s',
    (image) => {
      expect(() => classifyImage(image, env())).toThrow(
        expect.objectContaining({ code: 'INVALID_IMAGE_STRING' }),
      );
    },
  );

  it('keeps sha512- IDs for a store lookup', () => {
    expect(classifyImage('sha512-0123abcd', env())).toEqual({ kind: 'hash', id: 'sha512-0123abcd' });
  });

  it.each(['docker://busybox', 'docker:busybox'])('refuses %s clearly', (image) => {
    expect(() => classifyImage(image, env())).toThrow(
      expect.objectContaining({ code: 'DOCKER_UNSUPPORTED' }),
    );
  });

  it.each([
    ['example.com/app', 'example.com/app', []],
    ['busybox:1.0', 'busybox', [{ name: 'version', value: '1.0' }]],
    ['example.com/app,os=linux', 'example.com/app', [{ name: 'os', value: 'linux' }]],
  ])('%s is a name', (image, name, labels) => {
    expect(classifyImage(image, env())).toEqual({ kind: 'name', image: { name, labels } });
  });

  it('treats host:port/path as a name discovered on that port', () => {
    expect(classifyImage('127.0.0.1:8080/app:2', env())).toEqual({
      kind: 'name',
      image: {
        name: '127.0.0.1/app',
        labels: [{ name: 'version', value: '2' }],
        authority: '127.0.0.1:8080',
      },
    });
  });
});

describe('signaturePathFor', () => {
  it('adds .asc to an .aci, .aci.asc to anything else', () => {
    expect(signaturePathFor('/x/busybox.aci')).toBe('/x/busybox.aci.asc');
    expect(signaturePathFor('/x/busybox')).toBe('/x/busybox.aci.asc');
  });
});
