import { describe, expect, it } from 'vitest';
import { APPC_SPEC_VERSION, isACVersion, readACKind, readACVersion } from './version.js';
import { expectManifestError } from './test-fixtures.js';

describe('acVersion', () => {
  it.each([
    ['0.8.11', true],
    ['0.8.11+git', true],
    ['1.0.0-rc.1', true],
    ['0.0.0-alpha', true],
    ['0.0.1', true],
    ['v0.8.11', false],
    ['=0.8.11', false],
    [' 0.8.11', false],
    ['0.8.11 ', false],
    ['1.0', false],
    ['0.0.0', false],
    ['0.0.0+git', false],
    ['01.2.3', false],
    ['latest', false],
  ])('%j → %s', (value, ok) => {
    expect(isACVersion(value)).toBe(ok);
  });

  it('APPC_SPEC_VERSION is itself valid', () => {
    expect(APPC_SPEC_VERSION).toBe('0.8.11');
    expect(isACVersion(APPC_SPEC_VERSION)).toBe(true);
  });

  it('reports missing and bad versions', () => {
    expectManifestError(() => readACVersion(undefined, 'acVersion'), 'acVersion', 'is required');
    expectManifestError(
      () => readACVersion('v1.0.0', 'acVersion'),
      'acVersion',
      '"v1.0.0" is not a valid SemVer',
    );
  });
});

describe('acKind', () => {
  it('is case-sensitive', () => {
    expect(readACKind('PodManifest', 'acKind', 'PodManifest')).toBe('PodManifest');
    expectManifestError(
      () => readACKind('podmanifest', 'acKind', 'PodManifest'),
      'acKind',
      'must be "PodManifest", got "podmanifest"',
    );
    expectManifestError(() => readACKind(undefined, 'acKind', 'PodManifest'), 'acKind', 'is required');
  });
});
