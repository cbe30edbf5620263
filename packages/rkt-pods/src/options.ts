import { parseFormat, RktError } from '@rkt/common';
import { parseGoDuration } from '@rkt/rkt-image';
import type { CommandContext } from './command.js';
import { boolFlag, flag } from './flags.js';
import type { ListOptions } from './list.js';
import type { GcOptions } from './gc.js';

/** argv → typed options, one function per command; `usage` = rkt would print the usage (254). */

export function listOptions(ctx: CommandContext): ListOptions | 'usage' {
  if (ctx.parsed.args.length > 0) return 'usage';
  return {
    dataDir: ctx.dataDir,
    noLegend: boolFlag(ctx.parsed, 'no-legend'),
    full: boolFlag(ctx.parsed, 'full'),
    format: parseFormat(flag(ctx.parsed, 'format')),
  };
}

function duration(ctx: CommandContext, name: string): number {
  const value = flag(ctx.parsed, name);
  try {
    return parseGoDuration(value);
  } catch (e) {
    throw new RktError(
      'USAGE',
      `invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(e as Error).message}`,
    );
  }
}

export function gcOptions(ctx: CommandContext): GcOptions | 'usage' {
  if (ctx.parsed.args.length > 0) return 'usage';
  return {
    dataDir: ctx.dataDir,
    gracePeriodMs: duration(ctx, 'grace-period'),
    expirePreparedMs: duration(ctx, 'expire-prepared'),
    markOnly: boolFlag(ctx.parsed, 'mark-only'),
    debug: ctx.globals.debug,
    localConfig: ctx.globals.localConfig,
  };
}

export interface EnterArgs {
  app: string;
  /** the UUID argument (a prefix) */
  pod: string;
  command: string[];
}

export function enterArgsFrom(ctx: CommandContext): EnterArgs | 'usage' {
  const [pod, ...command] = ctx.parsed.args;
  if (pod === undefined) return 'usage';
  // `UUID -- CMD` reads naturally; nobody runs a program called "--"
  if (command[0] === '--') command.shift();
  return { app: flag(ctx.parsed, 'app'), pod, command };
}
