import { isAbsolute } from 'node:path';
import { ConfigProblem, optionalString } from './fields.js';
import type { JsonObject } from './fields.js';
import type { RktConfig } from './types.js';

const ALLOWED_SCHEMES = ['docker', 'file', 'http', 'https'];

/** rktKind "stage1" v1: `name` + `version` (together), `location`; each set once per directory. */
export function applyStage1V1(config: RktConfig, file: JsonObject): void {
  const name = optionalString(file, 'name');
  const version = optionalString(file, 'version');
  const location = optionalString(file, 'location');
  if (name === undefined && version !== undefined) {
    throw invalid('default stage1 image version specified, but name is missing');
  }
  if (name !== undefined && version === undefined) {
    throw invalid('default stage1 image name specified, but version is missing');
  }
  if (location !== undefined) checkLocation(location);
  if (name !== undefined) {
    if (config.stage1.name !== undefined) {
      throw new ConfigProblem('name and version of a default stage1 image are already specified');
    }
    config.stage1.name = name;
    config.stage1.version = version;
  }
  if (location !== undefined) {
    if (config.stage1.location !== undefined) {
      throw new ConfigProblem('location of a default stage1 image is already specified');
    }
    config.stage1.location = location;
  }
}

function checkLocation(location: string): void {
  if (isAbsolute(location)) return;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw invalid('default stage1 image location is either a relative path or a URL without scheme');
  }
  if (!ALLOWED_SCHEMES.includes(scheme)) {
    const allowed = ALLOWED_SCHEMES.map((s) => JSON.stringify(s)).join(', ');
    throw invalid(
      `default stage1 image location URL has invalid scheme "${scheme}", allowed schemes are ${allowed}`,
    );
  }
}

function invalid(reason: string): ConfigProblem {
  return new ConfigProblem(`invalid stage1 configuration: ${reason}`);
}
