import { podsMain, podsOrExit } from './cli-main.js';
import { RM } from './defs.js';
import { flag } from './flags.js';
import { podArgs } from './pod-args.js';
import { rmCommand } from './rm.js';

podsMain(RM, (ctx, io) => {
  const pods = podsOrExit('rm', podArgs(ctx.parsed.args, flag(ctx.parsed, 'uuid-file')), 254, io);
  if (!Array.isArray(pods)) return pods;
  const { debug, localConfig } = ctx.globals;
  return rmCommand({ dataDir: ctx.dataDir, pods, debug, localConfig }, io);
});
