import { isAbsolute, join } from 'node:path';
import type { RktConfig } from '@rkt/common';
import { RktError } from '@rkt/common';
import { last, type FlagValues } from './argv.js';

/** Where the stage1 image comes from, before anything is fetched (rkt.md §6.2). */
export type Stage1Ref =
  /** fetched like an app image: a file path or an http(s)/file URL */
  | { kind: 'image'; image: string; flag: string }
  /** an image already in the store, by ID prefix */
  | { kind: 'hash'; hash: string }
  /** in the store by name+version; otherwise imported unchecked from the first location that exists */
  | { kind: 'default'; name: string; version: string; locations: string[] };

export interface Stage1Defaults {
  /** image name of the built-in stage1, e.g. coreos.com/rkt/stage1-fly */
  name: string;
  version: string;
  /** file name of the built-in stage1 image, e.g. stage1-fly.aci */
  file: string;
  /** directories holding built-in stage1 images, most specific first */
  imageDirs: string[];
}

const FLAGS = ['stage1-url', 'stage1-path', 'stage1-name', 'stage1-hash', 'stage1-from-dir'];

export function selectStage1(
  pod: FlagValues,
  config: Pick<RktConfig, 'stage1' | 'paths'>,
  defaults: Stage1Defaults,
): Stage1Ref {
  const given = FLAGS.filter((f) => last(pod, f) !== undefined);
  if (given.length > 1) {
    throw new RktError('BAD_FLAG', `only one of --${given.join(', --')} may be given`);
  }
  const flag = given[0];
  const value = flag === undefined ? undefined : last(pod, flag)!;
  switch (flag) {
    case 'stage1-url':
    case 'stage1-path':
      return {
        kind: 'image',
        image: flag === 'stage1-path' && !isAbsolute(value!) ? `./${value}` : value!,
        flag,
      };
    case 'stage1-name':
      return { kind: 'image', image: value!, flag };
    case 'stage1-hash':
      return { kind: 'hash', hash: value! };
    case 'stage1-from-dir': {
      if (value!.includes('/'))
        throw new RktError('BAD_FLAG', `--stage1-from-dir=${value}: expected a file name`);
      const dirs = [config.paths.stage1Images, ...defaults.imageDirs].filter((d): d is string => !!d);
      return { kind: 'image', image: join(dirs[0]!, value!), flag };
    }
  }
  const name = config.stage1.name ?? defaults.name;
  const version = config.stage1.version ?? defaults.version;
  const locations = [
    ...(config.stage1.location ? [config.stage1.location] : []),
    ...[config.paths.stage1Images, ...defaults.imageDirs]
      .filter((d): d is string => !!d)
      .map((d) => join(d, defaults.file)),
  ];
  return { kind: 'default', name, version, locations };
}
