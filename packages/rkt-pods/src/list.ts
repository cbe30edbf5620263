import { isJsonFormat, type OutputFormat, type TimeZoneChoice } from '@rkt/common';
import { listPods, podListJson, podListTable } from '@rkt/pod';
import type { PodsIo } from './command.js';
import { printErrors } from './print-errors.js';

export interface ListOptions {
  dataDir: string;
  noLegend: boolean;
  full: boolean;
  format: OutputFormat;
  /** reference of relative times; default now */
  now?: Date;
  zone?: TimeZoneChoice;
}

/**
 * `rkt list`: every pod in prepare/, prepared/, run/ and exited-garbage/, one directory read per
 * state and a few syscalls per pod. Per-pod problems go to stderr after the output; the exit status
 * is 0 unless a state directory cannot be read (thrown).
 */
export function listCommand(o: ListOptions, io: PodsIo): number {
  const { pods, errors } = listPods(o.dataDir);
  if (isJsonFormat(o.format)) io.stdout.write(podListJson(pods, o.format) + '\n');
  else
    io.stdout.write(
      podListTable(pods, {
        full: o.full,
        noLegend: o.noLegend,
        ...(o.now === undefined ? {} : { now: o.now }),
        ...(o.zone === undefined ? {} : { zone: o.zone }),
      }),
    );
  printErrors('list', errors, 'listing pods', io.stderr);
  return 0;
}
