import { realpathSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  globalOptionsFromValues,
  loadConfig,
  requireRoot,
  resolveDataDir,
  type GlobalOptions,
  type RktConfig,
} from '@rkt/common';
import { RKT_VERSION } from '@rkt/rkt';
import { Store } from '@rkt/store';
import { last, type FlagValues, type RunArgs } from './argv.js';
import type { Command } from './flag-table.js';
import { preparePod, type PreparedPod } from './prepare.js';
import type { Stage1Defaults } from './stage1-selection.js';

export interface Environment {
  globals: GlobalOptions;
  config: RktConfig;
  dataDir: string;
}

/** Global flags as parseRunArgs collected them, read the way every other binary reads them. */
export async function environment(global: FlagValues): Promise<Environment> {
  const globals = globalOptionsFromValues((name) => last(global, name));
  const config = await loadConfig(globals);
  return { globals, config, dataDir: await resolveDataDir(globals.dir, config) };
}

/**
 * Diagnostics written synchronously: `rkt run` replaces itself with stage1 right after, and an
 * asynchronous write to a pipe would be lost.
 */
export function warner(prog: string): (message: string) => void {
  return (message) => writeSync(2, `${prog}: ${message}\n`);
}

/**
 * The built-in stage1 is stage1-default (crun, full isolation); stage1-fly is one --stage1-name or
 * --stage1-path away. Its image sits next to this binary (rkt's fallback) or where `make install`
 * puts images.
 */
export function stage1Defaults(): Stage1Defaults {
  const here = dirname(realpathSync(process.argv[1] ?? '.'));
  return {
    name: 'coreos.com/rkt/stage1-default',
    version: RKT_VERSION,
    file: 'stage1-default.aci',
    imageDirs: [here, join(here, '../lib/rkt/stage1-images')],
  };
}

export { RKT_VERSION };

/** The part `rkt prepare` and `rkt run` share: check root, read the environment, prepare the pod. */
export async function prepareFromArgs(
  command: Command,
  args: RunArgs,
  warn: (message: string) => void,
): Promise<{ prepared: PreparedPod; env: Environment }> {
  requireRoot();
  const env = await environment(args.global);
  const store = await Store.open(env.dataDir);
  try {
    const prepared = await preparePod({
      command,
      args,
      dataDir: env.dataDir,
      store,
      insecure: env.globals.insecureOptions,
      keystore: { systemConfig: env.globals.systemConfig, localConfig: env.globals.localConfig },
      trustKeysFromHttps: env.globals.trustKeysFromHttps,
      config: env.config,
      stage1Defaults: stage1Defaults(),
      rktVersion: RKT_VERSION,
      warn,
    });
    return { prepared, env };
  } finally {
    await store.close();
  }
}
