import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellAssign, shellQuote, shellWords } from './shell-quote.js';
import { TRICKY } from './test-fixtures.js';

/** What sh makes of `eval "set -- $W"`: the words, NUL-separated. */
function evalWords(words: string): string[] {
  const out = execFileSync('sh', ['-c', 'eval "set -- $W"; for a in "$@"; do printf "%s\\0" "$a"; done'], {
    env: { W: words, PATH: process.env.PATH },
    encoding: 'utf8',
  });
  return out === '' ? [] : out.slice(0, -1).split('\0');
}

describe('shell quoting', () => {
  it('gives back every tricky word exactly through eval in sh', () => {
    expect(evalWords(shellWords(TRICKY))).toEqual(TRICKY);
  });

  it.each(TRICKY)('quotes %j as one word', (word) => {
    expect(evalWords(shellQuote(word))).toEqual([word]);
  });

  it('writes assignments a sourced file gives back, even of quoted word lists', () => {
    const file = [shellAssign('A', TRICKY.join('|')), shellAssign('W', shellWords(TRICKY))].join('\n');
    const out = execFileSync(
      'sh',
      ['-c', `${file}\nprintf '%s\\0' "$A"; eval "set -- $W"; printf '%s\\0' "$@"`],
      {
        encoding: 'utf8',
      },
    );
    expect(out.split('\0').slice(0, -1)).toEqual([TRICKY.join('|'), ...TRICKY]);
  });

  it('refuses NUL and bad variable names', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
    expect(() => shellAssign('A-B', 'x')).toThrow(/variable name/);
  });
});
