import { readUuidFile, resolvePodUuid } from '@rkt/pod';
import { isRktError, RktError } from '@rkt/common';

/** What the command line names: UUID arguments, or the UUID read from `--uuid-file`. */
export type PodArgs =
  | { kind: 'uuids'; args: string[] }
  /** --uuid-file could not be read; `error` is rkt's message */
  | { kind: 'unreadable'; error: RktError }
  /** neither, or both: rkt prints the usage */
  | { kind: 'usage' };

/** rkt's stop/rm/status rule: either UUIDs or `--uuid-file`, never both. */
export function podArgs(args: readonly string[], uuidFile: string): PodArgs {
  if (args.length > 0 && uuidFile === '') return { kind: 'uuids', args: [...args] };
  if (args.length > 0 || uuidFile === '') return { kind: 'usage' };
  try {
    return { kind: 'uuids', args: [readUuidFile(uuidFile)] };
  } catch (e) {
    if (isRktError(e)) return { kind: 'unreadable', error: e };
    throw e;
  }
}

/** A UUID prefix to the full UUID; errors carry rkt's context (`problem retrieving pod: ...`). */
export function resolvePod(dataDir: string, arg: string, context: string): string {
  try {
    return resolvePodUuid(dataDir, arg);
  } catch (e) {
    if (!isRktError(e)) throw e;
    throw new RktError(e.code, `${context}: ${e.message}`, { cause: e });
  }
}
