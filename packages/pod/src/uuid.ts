import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  POD_AMBIGUOUS,
  POD_NOT_FOUND,
  POD_UUID_FILE,
  POD_UUID_INVALID,
  podError,
  quote,
  reason,
} from './errors.js';
import { stateDirPath } from './layout.js';
import { nodeOs, type PodOs } from './os.js';
import { LISTED_DIRS, type PodDir } from './states.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh pod UUID: random (v4), lower case, as rkt's. */
export function newPodUuid(): string {
  return randomUUID();
}

/** Whether `name` is a pod directory name (a lower-case UUID). */
export function isPodUuid(name: string): boolean {
  return UUID_RE.test(name);
}

/** UUID-named subdirectories of the given state dirs, each once, sorted. */
export function podUuidsIn(dataDir: string, dirs: readonly PodDir[], os: PodOs = nodeOs): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const name of os.readDir(stateDirPath(dataDir, dir))?.dirs ?? []) names.add(name);
  }
  return [...names].filter(isPodUuid).sort();
}

/**
 * Resolve a pod argument as rkt does (rkt.md §0): a case-insensitive prefix of the UUID of a pod in
 * prepare/, prepared/, run/ or exited-garbage/, which must match exactly one. Returns the full UUID.
 */
export function resolvePodUuid(dataDir: string, prefixOrUuid: string, os: PodOs = nodeOs): string {
  const prefix = prefixOrUuid.toLowerCase();
  if (prefix === '') throw podError(POD_UUID_INVALID, 'UUID cannot be empty');
  const matches = podUuidsIn(dataDir, LISTED_DIRS, os).filter((u) => u.startsWith(prefix));
  if (matches.length === 0) throw podError(POD_NOT_FOUND, `no matches found for ${quote(prefix)}`);
  if (matches.length > 1) throw podError(POD_AMBIGUOUS, `ambiguous uuid, ${matches.length} matches`);
  return matches[0] as string;
}

/** The UUID in a `--uuid-file` (surrounding whitespace trimmed). rkt's status and stop exit 1 on this error. */
export function readUuidFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw podError(POD_UUID_FILE, `unable to resolve UUID from file: open ${path}: ${reason(e)}`, e);
  }
  return text.trim();
}

/** `--uuid-file-save`: the UUID alone, no newline, mode 0644, as rkt writes it. */
export function writeUuidFile(path: string, uuid: string): void {
  writeFileSync(path, uuid, { mode: 0o644 });
}
