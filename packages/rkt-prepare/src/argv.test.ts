import { describe, expect, it } from 'vitest';
import { parseRunArgs, type RunArgs } from './argv.js';

function plain(r: RunArgs) {
  return {
    global: Object.fromEntries(r.global),
    pod: Object.fromEntries(r.pod),
    apps: r.apps.map((a) => ({
      image: a.image,
      flags: Object.fromEntries(a.flags),
      ...(a.args ? { args: a.args } : {}),
    })),
  };
}

describe('parseRunArgs', () => {
  it('splits pod flags, images, app flags and app arguments', () => {
    const r = parseRunArgs(
      [
        '--insecure-options=image',
        '--volume',
        'data,kind=empty',
        'img1',
        '--name=a',
        '--exec',
        '/bin/sh',
        '--',
        '-c',
        'echo hi',
        '---',
        'img2',
        '--name',
        'b',
      ],
      'run',
    );
    expect(plain(r)).toEqual({
      global: { 'insecure-options': ['image'] },
      pod: { volume: ['data,kind=empty'] },
      apps: [
        { image: 'img1', flags: { name: ['a'], exec: ['/bin/sh'] }, args: ['-c', 'echo hi'] },
        { image: 'img2', flags: { name: ['b'] } },
      ],
    });
  });

  it('takes everything after -- as arguments when no --- follows, flags included', () => {
    const r = parseRunArgs(['img', '--', '--name=x', '-c'], 'run');
    expect(r.apps[0]!.args).toEqual(['--name=x', '-c']);
    expect(r.apps[0]!.flags.size).toBe(0);
  });

  it('applies --mount to the pod before the first image and to an app after it', () => {
    const r = parseRunArgs(['--mount=volume=a,target=/a', 'img', '--mount=volume=b,target=/b'], 'run');
    expect(r.pod.get('mount')).toEqual(['volume=a,target=/a']);
    expect(r.apps[0]!.flags.get('mount')).toEqual(['volume=b,target=/b']);
  });

  it('accepts global flags anywhere and bool flags in both spellings', () => {
    const r = parseRunArgs(['img', '--debug', '--readonly-rootfs', '--dir=/d'], 'run');
    expect(plain(r).global).toEqual({ debug: ['true'], dir: ['/d'] });
    expect(r.apps[0]!.flags.get('readonly-rootfs')).toEqual(['true']);
    expect(parseRunArgs(['--no-overlay=false', 'img'], 'run').pod.get('no-overlay')).toEqual(['false']);
  });

  it('reads a bare --net as default without taking the next word', () => {
    const r = parseRunArgs(['--net', 'img'], 'run');
    expect(r.pod.get('net')).toEqual(['default']);
    expect(r.apps.map((a) => a.image)).toEqual(['img']);
  });

  it.each<[string[], 'run' | 'prepare', RegExp]>([
    [['--name=a', 'img'], 'run', /--name applies to an image: give it after the image/],
    [['img', '--volume=v,kind=empty'], 'run', /--volume is a pod flag: give it before the first image/],
    [['--bogus', 'img'], 'run', /unknown flag: --bogus/],
    [['--net=host', 'img'], 'prepare', /unknown flag: --net/],
    [['--quiet', 'img'], 'run', /unknown flag: --quiet/],
    [['img', '--exec'], 'run', /flag needs an argument: --exec/],
    [['--', 'x'], 'run', /"--" must follow an image/],
    [['img', '--', 'a', '---', '--', 'b'], 'run', /only one "--" block/],
    [['img', '---'], 'run', /"---" without a preceding "--"/],
    [['--no-overlay=yes', 'img'], 'run', /invalid argument "yes" for --no-overlay/],
  ])('rejects %j (%s)', (words, command, message) => {
    expect(() => parseRunArgs(words, command)).toThrow(message);
  });
});
