import { parseAnnotations, type Annotation } from './annotations.js';
import { parseIsolators } from './isolators.js';
import type { Isolator } from './isolator-types.js';
import { at, expectArray, expectObject, getKey, item, stringMap } from './json.js';
import { parseExposedPorts, type ExposedPort } from './ports.js';
import { parseRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { fail, show } from './validation-error.js';
import { POD_MANIFEST_KIND, readACKind, readACVersion } from './version.js';
import { parseVolumes, type Volume } from './volume.js';

/** A pod: apps sharing namespaces, volumes, pod isolators. May be a template until reified. */
export interface PodManifest {
  /** Optional like in Go (see QUIRKS.md); checked when present. */
  acVersion?: string;
  acKind: 'PodManifest';
  /** Always present after parsing; an absent list reads as []. */
  apps: RuntimeApp[];
  volumes?: Volume[];
  /** Pod-level isolators may include types we do not know (`known: false`). */
  isolators?: Isolator[];
  annotations?: Annotation[];
  ports?: ExposedPort[];
  userAnnotations?: Record<string, string>;
  userLabels?: Record<string, string>;
}

/** Validates a parsed JSON value as a pod manifest; throws ManifestError at the first problem. */
export function parsePodManifest(input: unknown): PodManifest {
  const obj = expectObject(input, 'manifest');
  const get = (key: string): unknown => getKey(obj, key);
  const manifest: PodManifest = { acKind: readACKind(get('acKind'), 'acKind', POD_MANIFEST_KIND), apps: [] };
  if (get('acVersion') !== undefined) manifest.acVersion = readACVersion(get('acVersion'), 'acVersion');
  if (get('volumes') !== undefined) manifest.volumes = parseVolumes(get('volumes'), 'volumes');
  const volumeNames = new Set((manifest.volumes ?? []).map((v) => v.name));
  const seen = new Set<string>();
  expectArray(get('apps') ?? [], 'apps').forEach((v, i) => {
    const app = parseRuntimeApp(v, item('apps', i), volumeNames);
    if (seen.has(app.name)) fail(at(item('apps', i), 'name'), `duplicate app name ${show(app.name)}`);
    seen.add(app.name);
    manifest.apps.push(app);
  });
  if (get('isolators') !== undefined)
    manifest.isolators = parseIsolators(get('isolators'), 'isolators', 'pod');
  if (get('annotations') !== undefined)
    manifest.annotations = parseAnnotations(get('annotations'), 'annotations');
  if (get('ports') !== undefined) manifest.ports = parseExposedPorts(get('ports'), 'ports');
  if (get('userAnnotations') !== undefined)
    manifest.userAnnotations = stringMap(get('userAnnotations'), 'userAnnotations');
  if (get('userLabels') !== undefined) manifest.userLabels = stringMap(get('userLabels'), 'userLabels');
  return manifest;
}

/** A pod manifest ready to run names every app's image by ID (templates may not). */
export function assertPodManifestReified(manifest: PodManifest): void {
  manifest.apps.forEach((app, i) => {
    if (app.image.id === undefined)
      fail(at(item('apps', i), 'image.id'), 'is required in a reified pod manifest');
  });
}
