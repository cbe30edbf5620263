import { describe, expect, it } from 'vitest';
import { formatJson } from './json.js';

describe('formatJson', () => {
  it('writes rkt image list JSON on one line, with nanosecond bigints', () => {
    const images = [
      {
        id: 'sha512-6b38',
        name: 'example.com/busybox:1.35.0',
        import_time: 1795890673397304676n,
        last_used_time: 1795890673397304780n,
        size: 1995264,
      },
    ];
    expect(formatJson(images, 'json')).toBe(
      '[{"id":"sha512-6b38","name":"example.com/busybox:1.35.0","import_time":1795890673397304676,' +
        '"last_used_time":1795890673397304780,"size":1995264}]',
    );
  });

  it('indents json-pretty with tabs like MarshalIndent', () => {
    const value = {
      name: 'p',
      apps: [{ name: 'a', exit_code: 7 }],
      volumes: null,
      ports: [],
      annotations: {},
    };
    expect(formatJson(value, 'json-pretty')).toBe(
      '{\n\t"name": "p",\n\t"apps": [\n\t\t{\n\t\t\t"name": "a",\n\t\t\t"exit_code": 7\n\t\t}\n\t],\n' +
        '\t"volumes": null,\n\t"ports": [],\n\t"annotations": {}\n}',
    );
  });

  it('prints null for a missing list, as rkt list does with no pods', () => {
    expect(formatJson(null, 'json')).toBe('null');
    expect(formatJson(undefined, 'json-pretty')).toBe('null');
  });

  it('omits undefined properties and keeps insertion order', () => {
    expect(formatJson({ b: 1, a: undefined, c: true }, 'json')).toBe('{"b":1,"c":true}');
  });

  it('escapes strings like Go', () => {
    expect(formatJson('<a&b>\u2028"\\\n\t\r\u0001\b\f', 'json')).toBe(
      '"\\u003ca\\u0026b\\u003e\\u2028\\"\\\\\\n\\t\\r\\u0001\\u0008\\u000c"',
    );
    expect(formatJson('x\uD800y😀', 'json')).toBe('"x\uFFFDy😀"');
  });

  it('uses toJSON (Date) and rejects non-finite numbers', () => {
    expect(formatJson({ t: new Date(0) }, 'json')).toBe('{"t":"1970-01-01T00:00:00.000Z"}');
    expect(() => formatJson({ n: Number.NaN }, 'json')).toThrow('unsupported value NaN');
  });
});
