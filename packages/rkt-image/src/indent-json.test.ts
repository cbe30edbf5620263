import { describe, expect, it } from 'vitest';
import { indentJson } from './indent-json.js';

describe('indentJson (Go json.Indent with a tab)', () => {
  it('indents objects and arrays, one member per line', () => {
    expect(indentJson('{"a":1,"b":[true,null,"x"],"c":{"d":"e"}}')).toBe(
      '{\n\t"a": 1,\n\t"b": [\n\t\ttrue,\n\t\tnull,\n\t\t"x"\n\t],\n\t"c": {\n\t\t"d": "e"\n\t}\n}',
    );
  });

  it('keeps empty containers compact', () => {
    expect(indentJson('{"a":[],"b":{}}')).toBe('{\n\t"a": [],\n\t"b": {}\n}');
    expect(indentJson('[]')).toBe('[]');
  });

  it('copies strings verbatim, escapes and structural characters included', () => {
    expect(indentJson('{"s":"a,b:{c}[d] \\"q\\" \\\\","t":"\\u003c"}')).toBe(
      '{\n\t"s": "a,b:{c}[d] \\"q\\" \\\\",\n\t"t": "\\u003c"\n}',
    );
  });

  it('ignores whitespace between tokens and leaves scalars alone', () => {
    expect(indentJson(' { "a" : 1 } ')).toBe('{\n\t"a": 1\n}');
    expect(indentJson('"x"')).toBe('"x"');
    expect(indentJson('12')).toBe('12');
  });
});
