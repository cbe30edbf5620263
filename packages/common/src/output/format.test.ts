import { describe, expect, it } from 'vitest';
import { RktError } from '../errors.js';
import { isJsonFormat, parseFormat } from './format.js';

describe('parseFormat', () => {
  it.each([
    [undefined, 'text'],
    ['', 'text'],
    ['json', 'json'],
    ['json-pretty', 'json-pretty'],
  ] as const)('%s -> %s', (input, expected) => {
    expect(parseFormat(input)).toBe(expected);
  });

  it('rejects other values with rkt message and exit 254', () => {
    let err: unknown;
    try {
      parseFormat('yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RktError);
    expect(err).toMatchObject({
      code: 'INVALID_FORMAT',
      exitCode: 254,
      message: 'invalid argument "yaml" for --format=yaml: Invalid format option: yaml',
    });
  });

  it('is case-sensitive like rkt', () => {
    expect(() => parseFormat('JSON')).toThrow('Invalid format option: JSON');
  });

  it('isJsonFormat', () => {
    expect(isJsonFormat('text')).toBe(false);
    expect(isJsonFormat('json-pretty')).toBe(true);
  });
});
