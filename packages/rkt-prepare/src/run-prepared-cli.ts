import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageManifest } from '@rkt/appc';
import { requireRoot, RktError, runCli } from '@rkt/common';
import { lockPrepared, resolvePodUuid } from '@rkt/pod';
import { readStage1Info } from '@rkt/stage1';
import { parseRunArgs } from './argv.js';
import { environment, warner } from './cli-common.js';
import { FLAGS } from './flag-table.js';
import { overlaySupported } from './pod-trees.js';
import { checkRunTimeFlags, handOff } from './run.js';

/** run-prepared takes only the flags that matter when a prepared pod starts (rkt.md §1.1). */
const RUN_TIME_FLAGS = new Set([
  'net',
  'dns',
  'dns-search',
  'dns-opt',
  'dns-domain',
  'hosts-entry',
  'interactive',
  'mds-register',
  'hostname',
  'ipc',
]);

void runCli('run-prepared', async () => {
  const words = process.argv.slice(2);
  if (words[0] === '--help' || words[0] === '-h') {
    process.stdout.write('Usage: rkt run-prepared [--net=...] [--hostname=H] [--interactive] UUID\n');
    return 0;
  }
  const args = parseRunArgs(words, 'run');
  const misplaced = [...args.pod.keys()].filter(
    (f) => !RUN_TIME_FLAGS.has(f) && FLAGS[f]?.scope !== 'global',
  );
  if (misplaced.length > 0) throw new RktError('USAGE', `unknown flag: --${misplaced[0]}`);
  if (args.apps.length !== 1 || args.apps[0]!.flags.size > 0 || args.apps[0]!.args) {
    throw new RktError('USAGE', 'expected exactly one argument: the UUID of a prepared pod');
  }
  checkRunTimeFlags(args.pod);
  requireRoot();
  const env = await environment(args.global);
  const uuid = resolvePodUuid(env.dataDir, args.apps[0]!.image);
  const pod = await lockPrepared(env.dataDir, uuid);
  try {
    if (existsSync(join(pod.path, 'overlay-prepared')) && !overlaySupported()) {
      throw new RktError(
        'OVERLAY_UNSUPPORTED',
        `pod "${uuid}" was prepared with overlayfs, which this system no longer offers`,
      );
    }
    const stage1 = readStage1Info(decodeImageManifest(readFileSync(join(pod.path, 'stage1', 'manifest'))));
    await handOff({
      pod,
      stage1,
      flags: args.pod,
      debug: env.globals.debug,
      localConfig: env.globals.localConfig,
      insecure: env.globals.insecureOptions,
      env: process.env,
      warn: warner('run-prepared'),
    });
  } catch (e) {
    pod.release();
    throw e;
  }
});
