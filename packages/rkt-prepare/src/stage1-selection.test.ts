import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './argv.js';
import { selectStage1, type Stage1Defaults } from './stage1-selection.js';

const defaults: Stage1Defaults = {
  name: 'coreos.com/rkt/stage1-fly',
  version: '1.31.0-dev',
  file: 'stage1-fly.aci',
  imageDirs: ['/opt/rkt/bin', '/opt/rkt/lib/rkt/stage1-images'],
};
const noConfig = { stage1: {}, paths: {} };
const pod = (...words: string[]) => parseRunArgs([...words, 'img'], 'run').pod;

describe('selectStage1', () => {
  it('uses the built-in stage1 by name and version, then its files', () => {
    expect(selectStage1(pod(), noConfig, defaults)).toEqual({
      kind: 'default',
      name: 'coreos.com/rkt/stage1-fly',
      version: '1.31.0-dev',
      locations: ['/opt/rkt/bin/stage1-fly.aci', '/opt/rkt/lib/rkt/stage1-images/stage1-fly.aci'],
    });
  });

  it('prefers stage1.d and paths.d configuration', () => {
    const config = {
      stage1: { name: 'example.com/s1', version: '2', location: '/srv/s1.aci' },
      paths: { stage1Images: '/srv/images' },
    };
    expect(selectStage1(pod(), config, defaults)).toEqual({
      kind: 'default',
      name: 'example.com/s1',
      version: '2',
      locations: [
        '/srv/s1.aci',
        '/srv/images/stage1-fly.aci',
        '/opt/rkt/bin/stage1-fly.aci',
        '/opt/rkt/lib/rkt/stage1-images/stage1-fly.aci',
      ],
    });
  });

  it.each([
    [['--stage1-path=s1.aci'], { kind: 'image', image: './s1.aci', flag: 'stage1-path' }],
    [['--stage1-path=/abs/s1.aci'], { kind: 'image', image: '/abs/s1.aci', flag: 'stage1-path' }],
    [
      ['--stage1-url=https://example.com/s1.aci'],
      { kind: 'image', image: 'https://example.com/s1.aci', flag: 'stage1-url' },
    ],
    [
      ['--stage1-name=coreos.com/rkt/stage1-fly:1.0'],
      { kind: 'image', image: 'coreos.com/rkt/stage1-fly:1.0', flag: 'stage1-name' },
    ],
    [['--stage1-hash=sha512-abcd'], { kind: 'hash', hash: 'sha512-abcd' }],
    [
      ['--stage1-from-dir=stage1-x.aci'],
      { kind: 'image', image: '/opt/rkt/bin/stage1-x.aci', flag: 'stage1-from-dir' },
    ],
  ])('honours %j', (words, ref) => {
    expect(selectStage1(pod(...words), noConfig, defaults)).toEqual(ref);
  });

  it('refuses two stage1 flags and a path in --stage1-from-dir', () => {
    expect(() =>
      selectStage1(pod('--stage1-path=/a.aci', '--stage1-hash=sha512-ab'), noConfig, defaults),
    ).toThrow(/only one of --stage1-path, --stage1-hash/);
    expect(() => selectStage1(pod('--stage1-from-dir=../x.aci'), noConfig, defaults)).toThrow(
      /expected a file name/,
    );
  });
});
