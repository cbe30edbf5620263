import { parseAnnotations, type Annotation } from './annotations.js';
import { parseApp, type App } from './app.js';
import { parseDependencies, type Dependency } from './dependencies.js';
import { readACIdentifier } from './identifiers.js';
import { expectObject, getKey, stringArray } from './json.js';
import { parseLabels, type Label } from './labels.js';
import { IMAGE_MANIFEST_KIND, readACKind, readACVersion } from './version.js';

/** The `manifest` file of an ACI. */
export interface ImageManifest {
  acKind: 'ImageManifest';
  acVersion: string;
  /** AC identifier, e.g. `example.com/app`. */
  name: string;
  labels?: Label[];
  /** Absent for images that are only dependencies of others. */
  app?: App;
  annotations?: Annotation[];
  dependencies?: Dependency[];
  /** Paths kept when rendering; absent or empty keeps everything. Not checked, like Go. */
  pathWhitelist?: string[];
}

/** Validates a parsed JSON value as an image manifest; throws ManifestError at the first problem. */
export function parseImageManifest(input: unknown): ImageManifest {
  const obj = expectObject(input, 'manifest');
  const get = (key: string): unknown => getKey(obj, key);
  const manifest: ImageManifest = {
    acKind: readACKind(get('acKind'), 'acKind', IMAGE_MANIFEST_KIND),
    acVersion: readACVersion(get('acVersion'), 'acVersion'),
    name: readACIdentifier(get('name'), 'name'),
  };
  if (get('labels') !== undefined) manifest.labels = parseLabels(get('labels'), 'labels');
  if (get('app') !== undefined) manifest.app = parseApp(get('app'), 'app');
  if (get('annotations') !== undefined)
    manifest.annotations = parseAnnotations(get('annotations'), 'annotations');
  if (get('dependencies') !== undefined)
    manifest.dependencies = parseDependencies(get('dependencies'), 'dependencies');
  if (get('pathWhitelist') !== undefined)
    manifest.pathWhitelist = stringArray(get('pathWhitelist'), 'pathWhitelist');
  return manifest;
}
