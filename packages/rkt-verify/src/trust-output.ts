import { formatJson, formatTable, isJsonFormat, warn, type OutputFormat, type TextSink } from '@rkt/common';
import { formatFingerprint } from './fingerprint.js';
import type { TrustedKeyInfo } from './keystore/list.js';
import type { RemovedKey } from './keystore/remove.js';
import type { KeyCandidate, TrustHooks } from './trust/trust.js';

export const PROG = 'trust';

/** rkt's review display: what the key is, before the prompt. */
export function describeCandidate(c: KeyCandidate): string {
  const lines = [`prefix: ${JSON.stringify(c.prefix ?? '')}`, `key: ${JSON.stringify(c.location)}`];
  for (const k of c.keys) {
    lines.push(`gpg key fingerprint is: ${formatFingerprint(k.fingerprint)}`);
    for (const s of k.subkeyFingerprints) lines.push(`    Subkey fingerprint: ${formatFingerprint(s)}`);
    for (const id of k.userIds) lines.push(`\t${id}`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** Review on stderr (with the prompt), results on stdout, as rkt words them. */
export function printingHooks(
  confirm: (c: KeyCandidate) => Promise<boolean>,
  stdout: TextSink,
  stderr: TextSink,
  prog: string = PROG,
): TrustHooks {
  return {
    show(c) {
      stderr.write(describeCandidate(c));
      for (const p of c.problems) warn(prog, `warning: ${p}: images signed with it will not verify`, stderr);
    },
    confirm,
    accepted(c, reviewed) {
      const how = reviewed ? 'after' : 'without';
      stdout.write(
        `Trusting ${JSON.stringify(c.location)} for prefix ${JSON.stringify(c.prefix ?? '')} ${how} fingerprint review.\n`,
      );
    },
    declined(c) {
      warn(prog, `not trusting ${JSON.stringify(c.location)}`, stderr);
    },
    stored(c, path) {
      stdout.write(
        c.prefix === undefined
          ? `Added root key at ${JSON.stringify(path)}\n`
          : `Added key for prefix ${JSON.stringify(c.prefix)} at ${JSON.stringify(path)}\n`,
      );
    },
  };
}

export function formatKeyList(keys: readonly TrustedKeyInfo[], format: OutputFormat): string {
  if (isJsonFormat(format)) {
    const rows = keys.map((k) => ({
      prefix: k.prefix,
      root: k.prefix === undefined ? true : undefined,
      fingerprint: k.fingerprint,
      userIds: k.userIds,
      subkeyFingerprints: k.subkeyFingerprints,
      source: k.source,
      path: k.path,
    }));
    return formatJson(rows, format) + '\n';
  }
  const rows = keys.map((k) => [k.prefix ?? '(root)', k.fingerprint, k.userIds.join(', '), k.source]);
  return formatTable(['PREFIX', 'FINGERPRINT', 'USER IDS', 'SOURCE'], rows);
}

export function describeRemoval(r: RemovedKey): string {
  const scope = r.prefix === undefined ? 'root key' : `key for prefix ${JSON.stringify(r.prefix)}`;
  const lines: string[] = [];
  if (r.removed !== undefined) lines.push(`Removed ${scope} at ${JSON.stringify(r.removed)}`);
  if (r.masked !== undefined) {
    lines.push(
      `Masked system ${scope} ${formatFingerprint(r.fingerprint)} (${JSON.stringify(r.systemPath)}) ` +
        `with an empty file at ${JSON.stringify(r.masked)}`,
    );
  }
  return lines.map((l) => `${l}\n`).join('');
}
