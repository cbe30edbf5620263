import { runCli } from '@rkt/common';
import { Store } from '@rkt/store';
import { parseRunArgs } from './argv.js';
import { environment, requireRoot, RKT_VERSION, stage1Defaults, warner } from './cli-common.js';
import { preparePod } from './prepare.js';

const USAGE = `Usage: rkt prepare [flags] IMAGE [image flags] [-- ARGS [---]] [IMAGE ...]

Prepare a pod from the images and print its UUID; run it later with rkt run-prepared.
`;

void runCli('prepare', async () => {
  const words = process.argv.slice(2);
  if (words[0] === '--help' || words[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseRunArgs(words, 'prepare');
  requireRoot();
  const env = await environment(args.global);
  const store = await Store.open(env.dataDir);
  try {
    const prepared = await preparePod({
      command: 'prepare',
      args,
      dataDir: env.dataDir,
      store,
      insecure: env.globals.insecureOptions,
      config: env.config,
      stage1Defaults: stage1Defaults(),
      rktVersion: RKT_VERSION,
      warn: warner('prepare'),
    });
    prepared.pod.toPrepared();
    process.stdout.write(`${prepared.pod.uuid}\n`);
  } finally {
    await store.close();
  }
});
