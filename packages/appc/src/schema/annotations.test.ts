import { describe, expect, it } from 'vitest';
import { parseAnnotations } from './annotations.js';
import { isRFC3339 } from './rfc3339.js';
import { expectManifestError } from './test-fixtures.js';

const a = (name: string, value: string): Record<string, string> => ({ name, value });

describe('parseAnnotations', () => {
  it.each([
    a('created', '2015-01-01T00:00:00Z'),
    a('created', '2015-03-04T12:30:00.123456789+01:00'),
    a('authors', 'Jane <jane@example.com>'),
    a('homepage', 'https://example.com/app'),
    a('documentation', 'http://example.com/docs?x=1'),
    a('appc.io/executor/supports-systemd-notify', 'true'),
    a('appc.io/executor/supports-systemd-notify', 'false'),
    a('example.com/anything', ''),
  ])('accepts %j', (annotation) => {
    expect(parseAnnotations([annotation], 'annotations')).toEqual([annotation]);
  });

  it.each<[unknown[], string, string]>([
    [[a('created', '2015-01-01 00:00:00')], 'annotations[0].value', 'RFC 3339'],
    [[a('created', 'yesterday')], 'annotations[0].value', '"yesterday"'],
    [[a('homepage', 'ftp://example.com')], 'annotations[0].value', 'http or https URL'],
    [[a('documentation', 'example.com/docs')], 'annotations[0].value', 'http or https URL'],
    [
      [a('appc.io/executor/supports-systemd-notify', 'yes')],
      'annotations[0].value',
      'must be "true" or "false"',
    ],
    [[a('x', '1'), a('x', '2')], 'annotations[1].name', 'duplicate annotation "x"'],
    [[a('Created', '1')], 'annotations[0].name', 'not a valid AC identifier'],
    [[{ name: 'x', value: 3 }], 'annotations[0].value', 'must be a string'],
  ])('rejects %j', (input, field, text) => {
    expectManifestError(() => parseAnnotations(input, 'annotations'), field, text);
  });
});

describe('isRFC3339', () => {
  it.each([
    ['2015-01-01T00:00:00Z', true],
    ['2016-02-29T23:59:59-07:00', true],
    ['2015-01-01T00:00:00.5Z', true],
    ['2015-02-29T00:00:00Z', false],
    ['2015-13-01T00:00:00Z', false],
    ['2015-01-01T24:00:00Z', false],
    ['2015-01-01T00:00:60Z', false],
    ['2015-01-01t00:00:00z', false],
    ['2015-01-01T00:00:00', false],
    ['2015-01-01', false],
    ['2015-01-01T00:00:00+0100', false],
  ])('%j → %s', (value, ok) => {
    expect(isRFC3339(value)).toBe(ok);
  });
});
