import { ordered, sortedMap, stringifyLikeGo, type Ordered } from './canonical-json.js';
import { encodeApp, encodeIsolators, encodePort, nameValue } from './encode-app.js';
import { parseImageManifest, type ImageManifest } from './image-manifest.js';
import { parsePodManifest, type PodManifest } from './pod-manifest.js';
import type { Mount, RuntimeApp } from './runtime-app.js';
import type { Volume } from './volume.js';

/**
 * Canonical compact JSON in the key order of appc's Go types (what actool and rkt write); absent
 * optional keys are omitted. Deterministic, and re-validated so an invalid manifest is never written.
 */
export function encodeImageManifest(m: ImageManifest): string {
  const text = stringifyLikeGo(
    ordered([
      ['acKind', m.acKind],
      ['acVersion', m.acVersion],
      ['name', m.name],
      ['labels', nameValue(m.labels)],
      ['app', m.app === undefined ? undefined : encodeApp(m.app)],
      ['annotations', nameValue(m.annotations)],
      [
        'dependencies',
        m.dependencies?.map((d) =>
          ordered([
            ['imageName', d.imageName],
            ['imageID', d.imageID],
            ['labels', nameValue(d.labels)],
            ['size', d.size],
          ]),
        ),
      ],
      ['pathWhitelist', m.pathWhitelist],
    ]),
  );
  parseImageManifest(JSON.parse(text));
  return text;
}

export function encodePodManifest(m: PodManifest): string {
  const text = stringifyLikeGo(
    ordered([
      ['acVersion', m.acVersion],
      ['acKind', m.acKind],
      ['apps', m.apps.map(encodeRuntimeApp)],
      ['volumes', m.volumes?.map(encodeVolume)],
      ['isolators', encodeIsolators(m.isolators)],
      ['annotations', nameValue(m.annotations)],
      [
        'ports',
        m.ports?.map((p) =>
          ordered([
            ['name', p.name],
            ['hostPort', p.hostPort],
            ['hostIP', p.hostIP],
            ['podPort', p.podPort === undefined ? undefined : encodePort(p.podPort)],
          ]),
        ),
      ],
      ['userAnnotations', sortedMap(m.userAnnotations)],
      ['userLabels', sortedMap(m.userLabels)],
    ]),
  );
  parsePodManifest(JSON.parse(text));
  return text;
}

function encodeRuntimeApp(ra: RuntimeApp): Ordered {
  return ordered([
    ['name', ra.name],
    [
      'image',
      ordered([
        ['name', ra.image.name],
        ['id', ra.image.id],
        ['labels', nameValue(ra.image.labels)],
      ]),
    ],
    ['app', ra.app === undefined ? undefined : encodeApp(ra.app)],
    ['readOnlyRootFS', ra.readOnlyRootFS],
    ['mounts', ra.mounts?.map(encodeMount)],
    ['annotations', nameValue(ra.annotations)],
  ]);
}

function encodeMount(m: Mount): Ordered {
  const appVolume = m.appVolume === undefined ? undefined : encodeVolume(m.appVolume);
  return ordered([
    ['volume', m.volume],
    ['path', m.path],
    ['appVolume', appVolume],
  ]);
}

function encodeVolume(v: Volume): Ordered {
  const empty = v.kind === 'empty' ? v : undefined;
  return ordered([
    ['name', v.name],
    ['kind', v.kind],
    ['source', v.kind === 'host' ? v.source : undefined],
    ['readOnly', v.readOnly],
    ['recursive', v.recursive],
    ['mode', empty?.mode],
    ['uid', empty?.uid],
    ['gid', empty?.gid],
  ]);
}
