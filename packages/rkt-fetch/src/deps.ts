import { toStoreKey, type Dependency, type ImageManifest } from '@rkt/appc';
import { isRktError } from '@rkt/common';
import type { Fetched, FetchContext } from './context.js';
import { inDependency } from './errors.js';
import { withDefaultLabels, type ImageName } from './image-name.js';
import { fetchByName } from './sources/name.js';

interface Pending {
  dep: Dependency;
  parent: string;
  origin: string | undefined;
}

/**
 * Makes sure every dependency of an image is in the store, breadth first and once per call: by
 * imageID from the store when present, else by name and labels (store per policy, then discovery),
 * verified against the imageID. Renders the image when it, or any dependency, was imported now.
 */
export async function completeImage(ctx: FetchContext, image: Fetched): Promise<void> {
  const manifest = image.manifest ?? (await ctx.store.readManifest(image.record.key));
  if ((manifest.dependencies ?? []).length === 0) return;
  const imported = await fetchDependencies(ctx, manifest, image.origin);
  if (ctx.render && (image.manifest !== undefined || imported)) await ctx.store.renderImage(image.record.key);
}

async function fetchDependencies(
  ctx: FetchContext,
  top: ImageManifest,
  origin: string | undefined,
): Promise<boolean> {
  const queue: Pending[] = pendingOf(top, origin);
  let imported = false;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { dep, parent } = next;
    const seenKey = dep.imageID ?? `${dep.imageName}${JSON.stringify(dep.labels ?? [])}`;
    if (ctx.seen.has(seenKey)) continue;
    ctx.seen.add(seenKey);
    let got: Fetched;
    try {
      got = await fetchDependency(ctx, next);
    } catch (err) {
      throw inDependency(err, dep.imageName, parent);
    }
    imported ||= got.manifest !== undefined;
    const manifest = got.manifest ?? (await ctx.store.readManifest(got.record.key));
    queue.push(...pendingOf(manifest, got.origin ?? next.origin));
  }
  return imported;
}

async function fetchDependency(ctx: FetchContext, { dep, origin }: Pending): Promise<Fetched> {
  if (dep.imageID !== undefined) {
    const record = await storedById(ctx, dep.imageID);
    if (record !== undefined) return record;
  }
  const image: ImageName = { name: dep.imageName, labels: dep.labels ?? [] };
  const authority = authorityFor(dep.imageName, origin);
  if (authority !== undefined) image.authority = authority;
  return fetchByName(ctx, withDefaultLabels(image), dep.imageID);
}

async function storedById(ctx: FetchContext, id: string): Promise<Fetched | undefined> {
  try {
    const record = await ctx.store.getImage(await ctx.store.resolveKey(toStoreKey(id)));
    return record === undefined ? undefined : { record };
  } catch (err) {
    if (isRktError(err) && err.code === 'IMAGE_NOT_FOUND') return undefined;
    throw err;
  }
}

/**
 * AC identifiers cannot carry a port, so a dependency named on the host its parent came from
 * (`127.0.0.1/base` for an image from `127.0.0.1:8080`) is discovered on that host:port.
 */
export function authorityFor(name: string, origin: string | undefined): string | undefined {
  if (origin === undefined || !origin.includes(':')) return undefined;
  const host = origin.slice(0, origin.lastIndexOf(':'));
  return name.split('/')[0] === host ? origin : undefined;
}

function pendingOf(manifest: ImageManifest, origin: string | undefined): Pending[] {
  return (manifest.dependencies ?? []).map((dep) => ({ dep, parent: manifest.name, origin }));
}
