import { join } from 'node:path';
import { decodePodManifest, type PodManifest } from '@rkt/appc';
import { isRktError, type RktError } from '@rkt/common';
import { POD_MANIFEST_INVALID, POD_NETINFO_INVALID, POD_NOT_FOUND, podError, quote } from './errors.js';
import { POD_FILES } from './layout.js';
import { locatePod, type PodRef } from './locate.js';
import { readNetInfo } from './net-info.js';
import { nodeOs, type PodOs } from './os.js';
import { parseLeadingInt, readIntFile } from './pid.js';
import type { PodInfo } from './pod-info.js';
import { isMutable, readApps } from './read-apps.js';
import { expectsManifest, hasCreationTime, hasStarted, isGcMarked } from './states.js';

/** Read a located pod. Never throws for a pod's own content: problems land in manifestError/errors. */
export function readPodInfoAt(ref: PodRef, os: PodOs = nodeOs): PodInfo {
  const at = (file: string) => join(ref.path, file);
  const errors: RktError[] = [];
  const mtime = (file: string) => os.stat(at(file))?.mtimeNs;
  const createdAt = hasCreationTime(ref.state)
    ? (mtime(POD_FILES.created) ?? mtime(POD_FILES.manifest))
    : undefined;
  let startedAt: bigint | undefined;
  let pid: number | undefined;
  if (hasStarted(ref.state)) {
    // stage1 writes one of the two; its mtime is the start time
    const file = os.readFileInfo(at(POD_FILES.pid)) ?? os.readFileInfo(at(POD_FILES.ppid));
    startedAt = file?.info.mtimeNs;
    if (file) pid = parseLeadingInt(file.data.toString('latin1')) ?? readIntFile(os, at(POD_FILES.ppid));
  }
  const gcMarkedAt = isGcMarked(ref.state) ? os.stat(ref.path)?.ctimeNs : undefined;
  const { manifest, error } = expectsManifest(ref.state)
    ? readManifest(os, ref)
    : { manifest: undefined, error: undefined };
  const facts = { uuid: ref.uuid, path: ref.path, state: ref.state, createdAt, startedAt, gcMarkedAt };
  let networks: PodInfo['networks'] = [];
  if (ref.state === 'running') {
    try {
      networks = readNetInfo(os, ref.path, ref.uuid);
    } catch (e) {
      errors.push(
        isRktError(e) ? e : podError(POD_NETINFO_INVALID, `error opening pod ${ref.uuid} netinfo`, e),
      );
    }
  }
  return {
    ...facts,
    dir: ref.dir,
    manifest,
    manifestError: error,
    mutable: manifest !== undefined && isMutable(manifest),
    apps: manifest === undefined ? [] : readApps(os, facts, manifest, errors),
    pid,
    networks,
    errors,
  };
}

function readManifest(
  os: PodOs,
  ref: PodRef,
): { manifest: PodManifest | undefined; error: RktError | undefined } {
  const path = join(ref.path, POD_FILES.manifest);
  let why: string;
  let cause: unknown;
  const data = os.readFile(path);
  if (data === undefined) {
    why = `error reading pod manifest: open ${path}: no such file or directory`;
  } else {
    try {
      return { manifest: decodePodManifest(data), error: undefined };
    } catch (e) {
      cause = e;
      why = `invalid pod manifest: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const error = podError(POD_MANIFEST_INVALID, `Unable to read pod ${ref.uuid} manifest:\n  ${why}`, cause);
  return { manifest: undefined, error };
}

/** `rkt status`: the pod with this full UUID, wherever it is now (POD_NOT_FOUND when nowhere). */
export function readPodInfo(dataDir: string, uuid: string, os: PodOs = nodeOs): PodInfo {
  const ref = locatePod(dataDir, uuid, os);
  if (ref === undefined) throw podError(POD_NOT_FOUND, `pod ${quote(uuid)} was not present`);
  return readPodInfoAt(ref, os);
}
