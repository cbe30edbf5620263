import { podsMain, podsOrExit } from './cli-main.js';
import { STOP } from './defs.js';
import { boolFlag, flag } from './flags.js';
import { podArgs } from './pod-args.js';
import { stopCommand } from './stop.js';

podsMain(STOP, (ctx, io) => {
  const pods = podsOrExit('stop', podArgs(ctx.parsed.args, flag(ctx.parsed, 'uuid-file')), 1, io);
  if (!Array.isArray(pods)) return pods;
  return stopCommand({ dataDir: ctx.dataDir, pods, force: boolFlag(ctx.parsed, 'force') }, io);
});
