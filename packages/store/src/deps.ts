import type { Dependency, ImageManifest } from '@rkt/appc';
import { DEPENDENCY_CYCLE, IMAGE_NOT_FOUND, storeError } from './errors.js';
import { readManifest } from './images.js';
import type { Layout } from './layout.js';
import { listRecords, readRecord } from './records.js';
import { pickImage, resolveKey } from './resolve.js';
import type { ImageWhitelists } from './tree/index.js';
import type { ImageRecord } from './types.js';

export interface DepNode {
  key: string;
  manifest: ImageManifest;
  parent: DepNode | undefined;
}

/**
 * appc acirenderer's flat dependency list: breadth-first, each image's dependencies inserted right
 * after it (so `A deps [B,C], C deps [D]` gives A, C, D, B). A shared dependency appears once per
 * path to it, as in rkt; a cycle (possible only through names) is an error.
 */
export async function flattenDeps(layout: Layout, key: string): Promise<DepNode[]> {
  const list: DepNode[] = [{ key, manifest: await readManifest(layout, key), parent: undefined }];
  let records: ImageRecord[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const node = list[i] as DepNode;
    const children: DepNode[] = [];
    for (const dep of node.manifest.dependencies ?? []) {
      records ??= dep.imageID ? undefined : listRecords(layout);
      const depKey = resolveDependency(layout, dep, node, records);
      for (let p: DepNode | undefined = node; p; p = p.parent) {
        if (p.key === depKey) {
          throw storeError(DEPENDENCY_CYCLE, `image ${key} has a dependency cycle through ${dep.imageName}`);
        }
      }
      children.push({ key: depKey, manifest: await readManifest(layout, depKey), parent: node });
    }
    list.splice(i + 1, 0, ...children.reverse());
  }
  return list;
}

function resolveDependency(
  layout: Layout,
  dep: Dependency,
  of: DepNode,
  records: ImageRecord[] | undefined,
): string {
  if (dep.imageID) {
    const id = dep.imageID.toLowerCase();
    try {
      const key = resolveKey(layout, id);
      if (readRecord(layout, key)?.id.startsWith(id)) return key;
    } catch {
      // reported below, naming the dependency
    }
  } else {
    const found = pickImage(records ?? [], dep.imageName, dep.labels ?? []);
    if (found) return found.key;
  }
  throw storeError(
    IMAGE_NOT_FOUND,
    `dependency ${describe(dep)} of ${of.manifest.name} (${of.key}) is not in the store`,
  );
}

function describe(dep: Dependency): string {
  const labels = (dep.labels ?? []).map((l) => `,${l.name}=${l.value}`).join('');
  return `${dep.imageName}${labels}${dep.imageID ? ` (${dep.imageID})` : ''}`;
}

/** appc.md §3.3: an image's own pathWhitelist and that of its nearest ancestor that has one. */
export function whitelistsOf(node: DepNode): ImageWhitelists {
  const out: ImageWhitelists = {};
  const own = node.manifest.pathWhitelist;
  if (own && own.length > 0) out.own = own;
  for (let p = node.parent; p; p = p.parent) {
    const list = p.manifest.pathWhitelist;
    if (list && list.length > 0) return { ...out, ancestor: list };
  }
  return out;
}
