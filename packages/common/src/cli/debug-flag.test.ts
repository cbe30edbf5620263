import { describe, expect, it } from 'vitest';
import { debugFromArgv } from './debug-flag.js';

describe('debugFromArgv', () => {
  it.each([
    [[], false],
    [['--debug'], true],
    [['list', '--debug=true'], true],
    [['--debug=1'], true],
    [['--debug=false'], false],
    [['--debug', '--debug=0'], false],
    [['--debug=yes'], false],
    [['run', 'img', '--', '--debug'], false],
    [['--debugger'], false],
  ])('%j -> %s', (argv, expected) => {
    expect(debugFromArgv(argv)).toBe(expected);
  });
});
