import { runCli, warn } from '@rkt/common';
import { commandContext, usageExit, type CommandContext, type CommandDef, type PodsIo } from './command.js';
import type { PodArgs } from './pod-args.js';

export const processIo: PodsIo = { stdout: process.stdout, stderr: process.stderr };

/**
 * The shared main of the pod binaries: parse, check root, resolve the data dir, then `body`, whose
 * number is the exit status ('usage' prints the usage and exits 254). Errors print as
 * `<name>: <message>` (254); `json()` says whether an error must also be JSON on stdout.
 */
export function podsMain(
  def: CommandDef,
  body: (ctx: CommandContext, io: PodsIo) => Promise<number | 'usage'> | number | 'usage',
  json: () => boolean = () => false,
): void {
  void runCli(
    def.name,
    async () => {
      const ctx = await commandContext(def, process.argv.slice(2), processIo);
      if (ctx === undefined) return 0;
      const code = await body(ctx, processIo);
      return code === 'usage' ? usageExit(def, processIo) : code;
    },
    { json },
  );
}

/**
 * UUID arguments, or the usage / rkt's exit status for an unreadable --uuid-file (`unreadableExit`:
 * 1 for status and stop, 254 elsewhere, as rkt).
 */
export function podsOrExit(
  prog: string,
  pods: PodArgs,
  unreadableExit: number,
  io: PodsIo,
): string[] | number | 'usage' {
  if (pods.kind === 'uuids') return pods.args;
  if (pods.kind === 'usage') return 'usage';
  warn(prog, pods.error.message, io.stderr);
  return unreadableExit;
}
