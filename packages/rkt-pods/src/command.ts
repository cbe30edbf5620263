import {
  emptyConfig,
  globalOptionsFromValues,
  loadConfig,
  requireRoot,
  resolveDataDir,
  type GlobalOptions,
  type TextSink,
} from '@rkt/common';
import { describeFlags, flag, parseArgs, type FlagSpecs, type ParsedArgs } from './flags.js';

/** Where a command writes: stdout is data, stderr diagnostics (prefixed with the command name). */
export interface PodsIo {
  stdout: TextSink;
  stderr: TextSink;
}

/** One pod command's command line: its flags, usage text and whether it needs root. */
export interface CommandDef {
  name: string;
  /** e.g. `rkt stop [--force] --uuid-file=FILE | UUID ...` */
  synopsis: string;
  description: string;
  flags: FlagSpecs;
  /** false: flags end at the first positional word (rkt enter) */
  interspersed?: boolean;
  /** refuse to run for a non-root user (rkt.md §0) */
  root?: boolean;
}

export interface CommandContext {
  parsed: ParsedArgs;
  globals: GlobalOptions;
  dataDir: string;
}

export function usageText(def: CommandDef): string {
  return `Usage: ${def.synopsis}\n\n${def.description}\n\nFlags:\n${describeFlags(def.flags)}\n`;
}

/**
 * Parse argv, check root, resolve the data dir (paths.d is read only when --dir is not given).
 * Undefined when help was asked for (printed already).
 */
export async function commandContext(
  def: CommandDef,
  argv: readonly string[],
  io: PodsIo,
): Promise<CommandContext | undefined> {
  const parsed = parseArgs(argv, def.flags, def.interspersed === false ? { interspersed: false } : {});
  if (parsed.help) {
    io.stdout.write(usageText(def));
    return undefined;
  }
  if (def.root) requireRoot();
  const globals = globalOptionsFromValues((name) => flag(parsed, name));
  const config = globals.dir === undefined ? await loadConfig(globals) : emptyConfig();
  return { parsed, globals, dataDir: await resolveDataDir(globals.dir, config) };
}

/** A wrong number of arguments: rkt prints the usage on stdout and exits 254. */
export function usageExit(def: CommandDef, io: PodsIo): number {
  io.stdout.write(usageText(def));
  return 254;
}
