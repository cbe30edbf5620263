import { writeSync } from 'node:fs';
import { execve } from '@rkt/native';
import { podsMain } from './cli-main.js';
import { ENTER } from './defs.js';
import { planEnter } from './enter.js';
import { enterArgsFrom } from './options.js';
import { resolvePod } from './pod-args.js';

podsMain(ENTER, async (ctx) => {
  const args = enterArgsFrom(ctx);
  if (args === 'usage') return args;
  const uuid = resolvePod(ctx.dataDir, args.pod, 'problem retrieving pod');
  // diagnostics before the exec must not sit in an asynchronous stream buffer
  const stderr = { write: (s: string) => writeSync(2, s) };
  const target = await planEnter(
    { dataDir: ctx.dataDir, uuid, app: args.app, command: args.command },
    stderr,
  );
  process.chdir(target.cwd);
  return execve(target.path, target.argv, process.env);
});
