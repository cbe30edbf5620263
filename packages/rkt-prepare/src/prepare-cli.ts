import { runCli } from '@rkt/common';
import { parseRunArgs } from './argv.js';
import { prepareFromArgs, warner } from './cli-common.js';

const USAGE = `Usage: rkt prepare [flags] IMAGE [image flags] [-- ARGS [---]] [IMAGE ...]

Prepare a pod from the images and print its UUID; run it later with rkt run-prepared.
`;

void runCli('prepare', async () => {
  const words = process.argv.slice(2);
  if (words[0] === '--help' || words[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { prepared } = await prepareFromArgs('prepare', parseRunArgs(words, 'prepare'), warner('prepare'));
  prepared.pod.toPrepared();
  process.stdout.write(`${prepared.pod.uuid}\n`);
});
