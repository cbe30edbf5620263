import { join } from 'node:path';
import { decodePodManifest, encodePodManifest } from '@rkt/appc';
import { formatJson, RktError } from '@rkt/common';
import { locatePod, POD_FILES, POD_NOT_FOUND } from '@rkt/pod';
import { readFileSync } from 'node:fs';

/** Keys of appc's PodManifest that Go always writes (`null` when unset): no omitempty on them. */
const ALWAYS = ['acVersion', 'acKind', 'apps', 'volumes', 'isolators', 'annotations', 'ports'];

/**
 * `rkt cat-manifest`: the pod manifest re-marshalled as rkt does (decoded, then encoded in Go's
 * field order, with `null` for the unset lists Go never omits), tab-indented unless `pretty` is false.
 */
export function podManifestText(dataDir: string, uuid: string, pretty: boolean): string {
  const ref = locatePod(dataDir, uuid);
  if (ref === undefined) throw new RktError(POD_NOT_FOUND, `pod "${uuid}" was not present`);
  let text: string;
  try {
    text = encodePodManifest(decodePodManifest(readFileSync(join(ref.path, POD_FILES.manifest))));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RktError('POD_MANIFEST_INVALID', `cannot read the pod manifest: ${why}`, { cause: e });
  }
  const encoded = JSON.parse(text) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ALWAYS) ordered[key] = encoded[key] ?? null;
  for (const [key, value] of Object.entries(encoded)) if (!(key in ordered)) ordered[key] = value;
  return formatJson(ordered, pretty ? 'json-pretty' : 'json');
}
