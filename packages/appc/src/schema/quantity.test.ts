import { describe, expect, it } from 'vitest';
import { parseQuantity, readQuantity } from './quantity.js';
import { expectManifestError } from './test-fixtures.js';

describe('parseQuantity in base units', () => {
  it.each<[string | number, bigint]>([
    ['0', 0n],
    [0, 0n],
    ['1', 1n],
    [1024, 1024n],
    ['1k', 1000n],
    ['1Ki', 1024n],
    ['128Mi', 134217728n],
    ['1.5Gi', 1610612736n],
    ['1G', 1000000000n],
    ['2T', 2000000000000n],
    ['1P', 10n ** 15n],
    ['1E', 10n ** 18n],
    ['1Ei', 2n ** 60n],
    ['1e3', 1000n],
    ['1E3', 1000n],
    ['5e+2', 500n],
    [1e3, 1000n],
    ['.5k', 500n],
    ['0.5', 1n], // rounded away from zero, like Quantity.Value()
    ['100m', 1n],
    ['-1Ki', -1024n], // negative values pass the schema (t)
    ['-0.5', -1n],
    ['+3', 3n],
    ['1n', 1n],
  ])('%j → %s', (input, out) => {
    expect(parseQuantity(input)).toBe(out);
  });
});

describe('parseQuantity in millis (CPU)', () => {
  it.each<[string | number, bigint]>([
    ['250m', 250n],
    ['2', 2000n],
    [0.5, 500n],
    ['1.5', 1500n],
    ['1u', 1n],
    ['0', 0n],
  ])('%j → %s', (input, out) => {
    expect(parseQuantity(input, 'milli')).toBe(out);
  });
});

describe('parseQuantity rejects', () => {
  it.each(['1GB', '1K', 'abc', '', '.', '1.2.3', '1e', 'Mi', '1 Mi', '1mi', '1e999', '10E', '1e19'])(
    '%j',
    (input) => {
      expectManifestError(
        () => parseQuantity(input, 'unit', 'app.isolators[0].value.limit'),
        'app.isolators[0].value.limit',
        'is not a valid resource quantity',
      );
    },
  );

  it('rejects non-string, non-number JSON', () => {
    expectManifestError(
      () => readQuantity(true, 'unit', 'limit'),
      'limit',
      'must be a resource quantity (string or number), got boolean true',
    );
    expectManifestError(() => readQuantity(Number.NaN, 'unit', 'limit'), 'limit', 'got number');
  });

  it('treats absent as absent', () => {
    expect(readQuantity(undefined, 'unit', 'limit')).toBeUndefined();
  });
});
