import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidPrefix } from '../names.js';
import { summarizeKey, type KeySummary } from '../pgp.js';
import { configDir, prefixRoot, scope, type KeySource, type KeystoreDirs } from './dirs.js';
import { keyFilesIn, readKeyFile, type KeyFile } from './files.js';

export interface TrustedKeyInfo extends KeySummary {
  /** undefined = a root key. */
  prefix: string | undefined;
  source: KeySource;
  path: string;
}

export interface ListFilter {
  /** Only root keys. */
  root?: boolean;
  /** Only keys stored for exactly this prefix. */
  prefix?: string;
}

/**
 * Every key in the store, one entry per scope (root or prefix) and fingerprint: a local file
 * overrides the system one of the same scope, and an empty local file hides it (a mask). Sorted:
 * root keys first, then by prefix, then by fingerprint.
 */
export async function listTrustedKeys(
  dirs: KeystoreDirs,
  filter: ListFilter = {},
): Promise<TrustedKeyInfo[]> {
  const prefixes = filter.root ? [] : filter.prefix !== undefined ? [filter.prefix] : await allPrefixes(dirs);
  const scopes = filter.prefix !== undefined ? prefixes : [undefined, ...prefixes];
  const out: TrustedKeyInfo[] = [];
  for (const prefix of scopes) {
    for (const file of await visibleFiles(dirs, prefix)) {
      out.push({ ...summarizeKey(await readKeyFile(file)), prefix, source: file.source, path: file.path });
    }
  }
  return out;
}

/** The key files of one scope as `list` shows them (see listTrustedKeys). */
export async function visibleFiles(dirs: KeystoreDirs, prefix: string | undefined): Promise<KeyFile[]> {
  const byFingerprint = new Map<string, KeyFile>();
  for (const source of ['system', 'local'] as const) {
    for (const file of await keyFilesIn(scope(dirs, source, prefix))) {
      byFingerprint.delete(file.fingerprint);
      if (!file.empty) byFingerprint.set(file.fingerprint, file);
    }
  }
  return [...byFingerprint.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

/** Every prefix that has a directory in either prefix.d, sorted. */
export async function allPrefixes(dirs: KeystoreDirs): Promise<string[]> {
  const found = new Set<string>();
  for (const source of ['system', 'local'] as const) {
    for (const p of await subdirs(prefixRoot(configDir(dirs, source)), '')) found.add(p);
  }
  return [...found].filter(isValidPrefix).sort();
}

async function subdirs(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory())) {
    const name = prefix === '' ? e.name : `${prefix}/${e.name}`;
    out.push(name, ...(await subdirs(join(dir, e.name), name)));
  }
  return out;
}
