import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './argv.js';
import { validateRunArgs } from './validate.js';

const check =
  (...words: string[]) =>
  () =>
    validateRunArgs(parseRunArgs(words, 'run'), 'run');

describe('validateRunArgs', () => {
  it('accepts good run-time flags', () => {
    expect(check('--ipc=private', '--dns=8.8.8.8', '--dns-search=example.com', 'img')).not.toThrow();
  });

  it.each<[string[], RegExp]>([
    [['--ipc=bogus', 'img'], /--ipc=bogus: expected auto, private or parent/],
    [['--dns=not-an-ip', 'img'], /Invalid IP passed to --dns: not-an-ip/],
    [['--dns=host', '--dns=8.8.8.8', 'img'], /no other --dns options allowed/],
    [['--net=host', '--port=http:80', 'img'], /--port cannot be used with --net=none or --net=host/],
    [['--interactive', 'a', 'b'], /--interactive can only be used with a single image/],
  ])('refuses %j before any pod exists', (words, message) => {
    expect(check(...words)).toThrow(message);
  });
});
