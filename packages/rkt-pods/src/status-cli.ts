import { isJsonFormat, parseFormat } from '@rkt/common';
import { podsMain, podsOrExit } from './cli-main.js';
import { STATUS } from './defs.js';
import { flag } from './flags.js';
import { podArgs, resolvePod } from './pod-args.js';
import { statusCommand } from './status.js';
import { parseWaitDuration } from './wait.js';

let json = false;
podsMain(
  STATUS,
  async (ctx, io) => {
    const format = parseFormat(flag(ctx.parsed, 'format'));
    json = isJsonFormat(format);
    const pods = podsOrExit('status', podArgs(ctx.parsed.args, flag(ctx.parsed, 'uuid-file')), 1, io);
    if (!Array.isArray(pods)) return pods;
    if (pods.length !== 1) return 'usage';
    const waitMs = parseWaitDuration('wait', flag(ctx.parsed, 'wait'));
    const waitReadyMs = parseWaitDuration('wait-ready', flag(ctx.parsed, 'wait-ready'));
    const uuid = resolvePod(ctx.dataDir, pods[0] as string, 'problem retrieving pod');
    return statusCommand({ dataDir: ctx.dataDir, uuid, format, waitMs, waitReadyMs }, io);
  },
  () => json,
);
