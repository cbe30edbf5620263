import { join } from 'node:path';
import { decodePodManifest } from '@rkt/appc';
import { POD_FILES } from './layout.js';
import { nodeOs, type PodOs } from './os.js';
import { LISTED_DIRS } from './states.js';
import { walkPods } from './list.js';

/** `sha512-` + 64 hex: the store key an image ID (full or longer) names. */
const STORE_KEY_LENGTH = 'sha512-'.length + 64;

/**
 * Tree-store ids a pod uses: `stage1TreeStoreID` and every `appsinfo/<app>/treeStoreID` (rkt's
 * GetStage1TreeStoreID and GetAppsTreeStoreIDs). Files not written (yet) are skipped.
 */
export function podTreeStoreIds(podDir: string, os: PodOs = nodeOs): string[] {
  const files = [join(podDir, POD_FILES.stage1TreeStoreId)];
  for (const app of os.readDir(join(podDir, 'appsinfo'))?.dirs ?? [])
    files.push(join(podDir, 'appsinfo', app, 'treeStoreID'));
  return files.flatMap((f) => {
    const id = os.readFile(f)?.toString('utf8').trim();
    return id ? [id] : [];
  });
}

/** Trees `image gc` must keep: those of pods in prepare/, prepared/, run/ and exited-garbage/. */
export function referencedTreeStoreIds(dataDir: string, os: PodOs = nodeOs): Set<string> {
  const ids = new Set<string>();
  for (const pod of walkPods(dataDir, LISTED_DIRS, os).pods)
    for (const id of podTreeStoreIds(pod.path, os)) ids.add(id);
  return ids;
}

/**
 * Store keys of the app images of running pods (rkt's getRunningImages), which `image gc` never
 * removes. Throws when a running pod's manifest cannot be read: its images are unknown.
 */
export function runningPodImageKeys(dataDir: string, os: PodOs = nodeOs): Set<string> {
  const keys = new Set<string>();
  for (const pod of walkPods(dataDir, ['run'], os).pods) {
    if (pod.state !== 'running') continue;
    const data = os.readFile(join(pod.path, POD_FILES.manifest));
    if (data === undefined) continue; // deleted since: it no longer runs
    for (const app of decodePodManifest(data).apps)
      if (app.image.id !== undefined) keys.add(app.image.id.slice(0, STORE_KEY_LENGTH));
  }
  return keys;
}
