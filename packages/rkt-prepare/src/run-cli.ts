import { runCli } from '@rkt/common';
import { parseRunArgs } from './argv.js';
import { prepareFromArgs, warner } from './cli-common.js';
import { handOff } from './run.js';

const USAGE = `Usage: rkt run [flags] IMAGE [image flags] [-- ARGS [---]] [IMAGE ...]

Run the images in a new pod. rkt run becomes the pod: it stays in the foreground and exits with the
app's status.
`;

void runCli('run', async () => {
  const words = process.argv.slice(2);
  if (words[0] === '--help' || words[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseRunArgs(words, 'run');
  const warn = warner('run');
  const { prepared, env } = await prepareFromArgs('run', args, warn);
  prepared.pod.toRun();
  await handOff({
    pod: prepared.pod,
    stage1: prepared.stage1,
    flags: args.pod,
    debug: env.globals.debug,
    localConfig: env.globals.localConfig,
    insecure: env.globals.insecureOptions,
    env: process.env,
    warn,
  });
});
