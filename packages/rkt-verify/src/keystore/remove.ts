import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@rkt/common';
import { TrustError } from '../errors.js';
import { normalizeKeyRef } from '../fingerprint.js';
import { scope, type KeystoreDirs } from './dirs.js';
import { keyFilesIn } from './files.js';
import { listTrustedKeys, visibleFiles } from './list.js';
import { makeScopeDir } from './store.js';

export interface RemovedKey {
  fingerprint: string;
  prefix: string | undefined;
  /** The local key file deleted, if there was one. */
  removed: string | undefined;
  /** The empty local file written to mask a system key of the same scope, if one was needed. */
  masked: string | undefined;
  /** The system file that is masked. */
  systemPath: string | undefined;
}

/**
 * Stops trusting a key for one scope (prefix, or root when undefined). `ref` is a fingerprint or a
 * long key ID (16 hex) of a primary key. Only local config is written: a local key file is deleted;
 * a system key of the same scope is masked with an empty local file, as rkt's docs describe.
 */
export async function removeTrustedKey(
  dirs: KeystoreDirs,
  prefix: string | undefined,
  ref: string,
): Promise<RemovedKey> {
  const hex = normalizeKeyRef(ref);
  if (hex === undefined) {
    throw new TrustError(
      'KEY_NOT_TRUSTED',
      `"${ref}" is not a key fingerprint (40 hex digits) or key ID (16)`,
    );
  }
  const where = prefix === undefined ? 'as a root key' : `for prefix "${prefix}"`;
  const matches = (await visibleFiles(dirs, prefix)).filter((f) => f.fingerprint.endsWith(hex));
  const [file] = matches;
  if (file === undefined) throw new TrustError('KEY_NOT_TRUSTED', `no key ${ref} is trusted ${where}`);
  if (matches.length > 1) {
    throw new TrustError('KEY_AMBIGUOUS', `key ID ${ref} matches ${matches.length} keys trusted ${where}`, {
      hint: `Give the full fingerprint: ${matches.map((f) => f.fingerprint).join(', ')}`,
    });
  }
  const local = file.source === 'local' ? file.path : undefined;
  if (local !== undefined) await rm(local, { force: true });
  const system = (await keyFilesIn(scope(dirs, 'system', prefix))).find(
    (f) => f.fingerprint === file.fingerprint && !f.empty,
  );
  let masked: string | undefined;
  if (system !== undefined) {
    masked = join(await makeScopeDir(dirs.localConfig, prefix), file.fingerprint);
    await writeFileAtomic(masked, '', { mode: 0o644 });
  }
  return { fingerprint: file.fingerprint, prefix, removed: local, masked, systemPath: system?.path };
}

/** removeTrustedKey for every scope (root and each prefix) where `ref` is trusted. */
export async function removeTrustedKeyEverywhere(dirs: KeystoreDirs, ref: string): Promise<RemovedKey[]> {
  const hex = normalizeKeyRef(ref);
  const hits = (await listTrustedKeys(dirs)).filter((k) => hex !== undefined && k.fingerprint.endsWith(hex));
  if (hits.length === 0) throw new TrustError('KEY_NOT_TRUSTED', `no key ${ref} is trusted`);
  const fingerprints = [...new Set(hits.map((k) => k.fingerprint))];
  if (fingerprints.length > 1) {
    throw new TrustError('KEY_AMBIGUOUS', `key ID ${ref} matches ${fingerprints.length} trusted keys`, {
      hint: `Give the full fingerprint: ${fingerprints.join(', ')}`,
    });
  }
  const scopes = new Set(hits.map((k) => k.prefix));
  const out: RemovedKey[] = [];
  for (const prefix of scopes) out.push(await removeTrustedKey(dirs, prefix, ref));
  return out;
}
