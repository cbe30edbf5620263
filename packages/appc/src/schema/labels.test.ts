import { describe, expect, it } from 'vitest';
import { parseLabels } from './labels.js';
import { VALID_OS_ARCH, validateOsArch } from './os-arch.js';
import { expectManifestError } from './test-fixtures.js';

const l = (name: string, value: unknown = 'x'): Record<string, unknown> => ({ name, value });

describe('parseLabels', () => {
  it('accepts version/os/arch and custom labels, keeping order', () => {
    const labels = [l('version', '1.0'), l('os', 'linux'), l('arch', 'amd64'), l('example.com/tier', '')];
    expect(parseLabels(labels, 'labels')).toEqual(labels);
  });

  it('defaults a missing value to "" (Go zero value)', () => {
    expect(parseLabels([{ name: 'version' }], 'labels')).toEqual([{ name: 'version', value: '' }]);
  });

  it.each<[unknown, string, string]>([
    [[l('name')], 'labels[0].name', '"name" is not allowed'],
    [[l('version'), l('version')], 'labels[1].name', 'duplicate label "version"'],
    [[l('Version')], 'labels[0].name', '"Version" is not a valid AC identifier'],
    [[l('os', 'windows')], 'labels[0].value', 'bad os "windows"'],
    [[l('os', 'linux'), l('arch', 'x86_64')], 'labels[1].value', 'bad arch "x86_64" for os linux'],
    [[l('arch', 'amd64'), l('os', 'darwin')], 'labels[0].value', 'bad arch "amd64" for os darwin'],
    [[l('version', 1)], 'labels[0].value', 'must be a string'],
    [[{ value: 'x' }], 'labels[0].name', 'is required'],
    [['os=linux'], 'labels[0]', 'must be an object'],
    [{ os: 'linux' }, 'labels', 'must be an array'],
  ])('rejects %j at %s', (input, field, text) => {
    expectManifestError(() => parseLabels(input, 'labels'), field, text);
  });

  it('checks arch only together with os (as Go does)', () => {
    expect(parseLabels([l('arch', 'anything')], 'labels')).toHaveLength(1);
  });

  it('uses the caller path for nested label lists', () => {
    expectManifestError(
      () => parseLabels([l('os', 'plan9')], 'dependencies[1].labels'),
      'dependencies[1].labels[0].value',
      'bad os',
    );
  });
});

describe('VALID_OS_ARCH', () => {
  it('holds every pair from Go ValidOSArch', () => {
    const pairs = Object.entries(VALID_OS_ARCH).flatMap(([os, arches]) => arches.map((a) => `${os}/${a}`));
    expect(pairs).toEqual([
      'linux/amd64',
      'linux/i386',
      'linux/aarch64',
      'linux/aarch64_be',
      'linux/armv6l',
      'linux/armv7l',
      'linux/armv7b',
      'linux/ppc64',
      'linux/ppc64le',
      'linux/s390x',
      'freebsd/amd64',
      'freebsd/i386',
      'freebsd/arm',
      'darwin/x86_64',
      'darwin/i386',
    ]);
    for (const pair of pairs) {
      const [os, arch] = pair.split('/');
      expect(() => validateOsArch(os, arch)).not.toThrow();
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(VALID_OS_ARCH)).toBe(true);
    expect(Object.isFrozen(VALID_OS_ARCH.linux)).toBe(true);
  });

  it('rejects prototype keys as os', () => {
    expect(() => validateOsArch('constructor', undefined)).toThrow(/bad os "constructor"/);
  });
});
