import { RktError } from '@rkt/common';
import { describe, expect, it } from 'vitest';
import { ManifestError, fail, show } from './validation-error.js';

describe('ManifestError', () => {
  it('is an RktError with code MANIFEST_INVALID and exit status 254', () => {
    const e = new ManifestError('app.workingDirectory', 'must be an absolute path, got "tmp"');
    expect(e).toBeInstanceOf(RktError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ManifestError');
    expect(e.code).toBe('MANIFEST_INVALID');
    expect(e.exitCode).toBe(254);
    expect(e.field).toBe('app.workingDirectory');
    expect(e.reason).toBe('must be an absolute path, got "tmp"');
    expect(e.message).toBe('app.workingDirectory: must be an absolute path, got "tmp"');
  });

  it('keeps messages on one line', () => {
    expect(new ManifestError('f', 'a\nb\r\nc').message).toBe('f: a b c');
  });

  it('carries a cause', () => {
    const cause = new Error('inner');
    expect(new ManifestError('f', 'r', { cause }).cause).toBe(cause);
  });

  it('fail throws', () => {
    expect(() => fail('x', 'y')).toThrow(new ManifestError('x', 'y'));
  });
});

describe('show', () => {
  it.each<[unknown, string]>([
    ['tmp', '"tmp"'],
    ['a\nb', '"a\\nb"'],
    [5, '5'],
    [null, 'null'],
    [undefined, 'nothing'],
    [[1, 'a'], '[1,"a"]'],
    [{ a: 1 }, '{"a":1}'],
    [12n, '12'],
  ])('show(%s) → %s', (value, text) => {
    expect(show(value)).toBe(text);
  });

  it('truncates long values to 80 characters', () => {
    const text = show('x'.repeat(500));
    expect(text).toHaveLength(81);
    expect(text.endsWith('…')).toBe(true);
  });
});
