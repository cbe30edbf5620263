import { isJsonFormat, RktError, warn } from '@rkt/common';
import type { TextSink } from '@rkt/common';
import type { Store } from '@rkt/store';
import { catManifest } from './cat-manifest.js';
import type { ImageCommand, ListCommand } from './command-line.js';
import { exportImage } from './export.js';
import { extractImage } from './extract.js';
import { gcStore, type GcPodHooks } from './gc.js';
import { formatImageJson, formatImageTable } from './list-format.js';
import { listImages } from './list.js';
import { renderImageTo } from './render.js';
import { removeImages, type RemovalResult } from './rm.js';
import { verifyImage, verifyMessage } from './verify.js';

export interface CommandIo {
  stdout: TextSink;
  stderr: TextSink;
  /** the instant humanized times are relative to; default now */
  now?: Date;
}

export type RunnableCommand = Exclude<ImageCommand, { name: 'help' }>;

/** Run one `rkt image` subcommand against an open store and print its results; returns the exit status. */
export async function runImageCommand(
  command: RunnableCommand,
  store: Store,
  io: CommandIo,
  gcPods?: GcPodHooks,
): Promise<number> {
  const out = (line: string) => io.stdout.write(line + '\n');
  const err = (message: string) => warn(command.name, message, io.stderr);
  switch (command.name) {
    case 'list':
      io.stdout.write(await listOutput(command, store, io.now));
      return 0;
    case 'rm': {
      const report = await removeImages(store, command.images);
      for (const u of report.unresolved) err(u.message);
      return printRemovals(report, out, err);
    }
    case 'gc': {
      const report = await gcStore(store, {
        gracePeriodMs: command.gracePeriodMs,
        ...(gcPods === undefined ? {} : { pods: gcPods }),
      });
      for (const id of report.removedTrees) err(`removed treestore ${JSON.stringify(id)}`);
      for (const t of report.failedTrees)
        err(`error removing treestore ${JSON.stringify(t.id)}: ${t.message}`);
      const code = printRemovals(report.images, out, err);
      for (const item of report.debris) err(`removed leftover ${JSON.stringify(item)}`);
      return code;
    }
    case 'export':
      await exportImage(store, command.image, command.output, command);
      return 0;
    case 'extract':
      await extractImage(store, command.image, command.dir, command);
      return 0;
    case 'render':
      if ((await renderImageTo(store, command.image, command.dir, command)).repaired) {
        err('warning: tree cache is in a bad state. Rebuilding...');
      }
      return 0;
    case 'cat-manifest':
      out(await catManifest(store, command.image, { pretty: command.pretty }));
      return 0;
    case 'verify':
      for (const image of command.images) out(verifyMessage(await verifyImage(store, image)));
      return 0;
  }
}

async function listOutput(command: ListCommand, store: Store, now: Date | undefined): Promise<string> {
  const records = await listImages(store, command);
  if (isJsonFormat(command.format)) return formatImageJson(records, command.format) + '\n';
  return formatImageTable(records, { ...command, ...(now === undefined ? {} : { now }) });
}

/** rkt's report of image removals (rm and gc); throws when some image could not be removed. */
function printRemovals(
  result: RemovalResult,
  out: (line: string) => void,
  err: (message: string) => void,
): number {
  for (const f of result.failed) {
    err(`error removing aci for image ${JSON.stringify(f.key)} (${JSON.stringify(f.name)}): ${f.message}`);
  }
  for (const key of result.removed) out(`successfully removed aci for image: ${JSON.stringify(key)}`);
  if (result.removed.length > 0) err(`${result.removed.length} image(s) successfully removed`);
  if (result.failed.length === 0) return 0;
  err(`${result.failed.length} image(s) cannot be removed`);
  throw new RktError('IMAGE_RM_FAILED', 'error(s) found while removing images');
}
