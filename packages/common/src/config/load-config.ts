import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RktError } from '../errors.js';
import { listConfigFiles } from './config-files.js';
import { asObject, ConfigProblem, requiredString } from './fields.js';
import type { JsonObject } from './fields.js';
import { applyAuthV1, applyDockerAuthV1 } from './parse-auth.js';
import { applyPathsV1 } from './parse-paths.js';
import { applyStage1V1 } from './parse-stage1.js';
import { emptyConfig } from './types.js';
import type { RktConfig } from './types.js';

export interface ConfigDirs {
  systemConfig: string;
  localConfig: string;
  /** "" = none. */
  userConfig: string;
}

type Apply = (config: RktConfig, file: JsonObject) => void;

/** Which kinds each subdirectory may hold, and the parser per kind and version. */
const SUBDIRS: readonly { name: string; kinds: Readonly<Record<string, Readonly<Record<string, Apply>>>> }[] =
  [
    { name: 'paths.d', kinds: { paths: { v1: applyPathsV1 } } },
    { name: 'stage1.d', kinds: { stage1: { v1: applyStage1V1 } } },
    { name: 'auth.d', kinds: { auth: { v1: applyAuthV1 }, dockerAuth: { v1: applyDockerAuthV1 } } },
  ];

/**
 * Reads system, then local, then user config dirs. A later dir overrides an earlier one per domain,
 * registry and setting; within one dir a second definition is an error. Any bad file is an RktError
 * (254) naming it.
 */
export async function loadConfig(dirs: ConfigDirs): Promise<RktConfig> {
  const config = emptyConfig();
  for (const dir of [dirs.systemConfig, dirs.localConfig, dirs.userConfig]) {
    mergeInto(config, await loadConfigDir(dir));
  }
  return config;
}

/** The configuration of one dir alone. */
export async function loadConfigDir(dir: string): Promise<RktConfig> {
  const config = emptyConfig();
  if (dir === '') return config;
  for (const subdir of SUBDIRS) {
    for (const path of await listConfigFiles(join(dir, subdir.name))) {
      const file = await readConfigFile(path);
      try {
        parserFor(file, subdir.name, subdir.kinds)(config, file);
      } catch (err) {
        if (!(err instanceof ConfigProblem)) throw err;
        throw new RktError(
          'CONFIG_INVALID',
          `invalid configuration file ${JSON.stringify(path)}: ${err.message}`,
        );
      }
    }
  }
  return config;
}

async function readConfigFile(path: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new RktError('CONFIG_READ', `cannot read configuration file ${JSON.stringify(path)}`, {
      cause: err,
    });
  }
  try {
    return asObject(JSON.parse(text), 'the file');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new RktError('CONFIG_INVALID', `invalid configuration file ${JSON.stringify(path)}: ${reason}`, {
      cause: err,
    });
  }
}

function parserFor(file: JsonObject, subdir: string, kinds: SubdirKinds): Apply {
  const kind = requiredString(file, 'rktKind', 'no rktKind specified');
  const version = requiredString(file, 'rktVersion', 'no rktVersion specified');
  const versions = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  if (versions === undefined) {
    const expected = Object.keys(kinds)
      .map((k) => JSON.stringify(k))
      .join(', ');
    throw new ConfigProblem(
      `${subdir} expects configuration of kind ${expected}, not ${JSON.stringify(kind)}`,
    );
  }
  const apply = Object.hasOwn(versions, version) ? versions[version] : undefined;
  if (apply === undefined) {
    throw new ConfigProblem(
      `no parser available for configuration of kind ${JSON.stringify(kind)} and version ${JSON.stringify(version)}`,
    );
  }
  return apply;
}

type SubdirKinds = (typeof SUBDIRS)[number]['kinds'];

function mergeInto(config: RktConfig, later: RktConfig): void {
  for (const [domain, auth] of later.authPerHost) config.authPerHost.set(domain, auth);
  for (const [registry, creds] of later.dockerCredentialsPerRegistry) {
    config.dockerCredentialsPerRegistry.set(registry, creds);
  }
  if (later.paths.data !== undefined) config.paths.data = later.paths.data;
  if (later.paths.stage1Images !== undefined) config.paths.stage1Images = later.paths.stage1Images;
  if (later.stage1.name !== undefined) {
    config.stage1.name = later.stage1.name;
    config.stage1.version = later.stage1.version;
  }
  if (later.stage1.location !== undefined) config.stage1.location = later.stage1.location;
}
