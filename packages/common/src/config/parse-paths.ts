import { isAbsolute } from 'node:path';
import { ConfigProblem, optionalString } from './fields.js';
import type { JsonObject } from './fields.js';
import type { RktConfig } from './types.js';

/** rktKind "paths" v1: `data`, `stage1-images`, both absolute; each set once per directory. */
export function applyPathsV1(config: RktConfig, file: JsonObject): void {
  const data = optionalString(file, 'data');
  if (data !== undefined) {
    if (config.paths.data !== undefined) throw new ConfigProblem('data directory is already specified');
    if (!isAbsolute(data)) throw new ConfigProblem('data directory must be an absolute path');
    config.paths.data = data;
  }
  const stage1Images = optionalString(file, 'stage1-images');
  if (stage1Images !== undefined) {
    if (config.paths.stage1Images !== undefined) {
      throw new ConfigProblem('stage1 images directory is already specified');
    }
    if (!isAbsolute(stage1Images))
      throw new ConfigProblem('stage1 images directory must be an absolute path');
    config.paths.stage1Images = stage1Images;
  }
}
