import { posix } from 'node:path';
import {
  encodeImageManifest,
  parsePodManifest,
  sanitizeACName,
  type ImageManifest,
  type PodManifest,
} from '@rkt/appc';
import { RktError } from '@rkt/common';
import { all, bool, last, type AppArgs, type RunArgs } from './argv.js';
import { mergeEnvironment, parseEnvFile, parseSetEnv } from './environment.js';
import { keyValue } from './flag-values.js';
import { applyIsolatorFlags } from './isolator-flags.js';
import { mountFromFlag, portFromFlag, volumeFromFlag } from './volumes.js';

/** An app's image, already in the store. */
export interface ResolvedImage {
  /** rkt's store key (`sha512-` + 64 hex), written as `apps[].image.id` */
  key: string;
  manifest: ImageManifest;
}

export interface ManifestContext {
  rktVersion: string;
  /** the caller's environment, for --inherit-env */
  hostEnv: NodeJS.ProcessEnv;
  readFile: (path: string) => string;
  /** uid/gid an app section synthesised for an image without one runs as (rkt: rkt's own) */
  uid: number;
  gid: number;
}

type Json = Record<string, unknown>;

/**
 * The pod manifest `rkt prepare`/`rkt run` write for these arguments and images (rkt.md §6.1),
 * validated like any manifest so an error names the field it comes from.
 */
export function buildPodManifest(
  args: RunArgs,
  images: readonly ResolvedImage[],
  ctx: ManifestContext,
): PodManifest {
  const file = new Map<string, string>();
  for (const path of all(args.pod, 'set-env-file')) {
    for (const [k, v] of parseEnvFile(path, ctx.readFile(path))) file.set(k, v);
  }
  const setEnv = parseSetEnv(all(args.pod, 'set-env'));
  const host = bool(args.pod, 'inherit-env') ? hostEnvironment(ctx.hostEnv) : undefined;
  const podMounts = all(args.pod, 'mount').map(mountFromFlag);
  const apps = args.apps.map((a, i) =>
    runtimeApp(a, images[i]!, { file, setEnv, podMounts, ctx, ...(host ? { host } : {}) }),
  );
  const raw: Json = {
    acVersion: ctx.rktVersion,
    acKind: 'PodManifest',
    apps,
    volumes: all(args.pod, 'volume').map(volumeFromFlag),
    annotations: [{ name: 'coreos.com/rkt/stage1/mutable', value: 'false' }],
    ports: all(args.pod, 'port').map(portFromFlag),
  };
  return parsePodManifest(raw);
}

interface Shared {
  host?: Map<string, string>;
  file: Map<string, string>;
  setEnv: Map<string, string>;
  podMounts: { volume: string; path: string }[];
  ctx: ManifestContext;
}

function runtimeApp(a: AppArgs, image: ResolvedImage, shared: Shared): Json {
  const imageRaw = JSON.parse(encodeImageManifest(image.manifest)) as Json;
  const exec = last(a.flags, 'exec');
  let app = imageRaw.app as Json | undefined;
  if (!app) {
    if (exec === undefined) {
      throw new RktError(
        'IMAGE_NOT_RUNNABLE',
        `image "${image.manifest.name}" has no app section: give it an --exec`,
      );
    }
    app = { user: String(shared.ctx.uid), group: String(shared.ctx.gid) };
  }
  app = { ...app };
  const imageExec = (app.exec as string[] | undefined) ?? [];
  if (exec !== undefined) app.exec = [exec, ...(a.args ?? [])];
  else if (a.args) app.exec = [...imageExec, ...a.args];
  setIf(app, 'user', last(a.flags, 'user'));
  setIf(app, 'group', last(a.flags, 'group'));
  setIf(app, 'workingDirectory', last(a.flags, 'working-dir'));
  const gids = last(a.flags, 'supplementary-gids');
  if (gids !== undefined) app.supplementaryGIDs = gids.split(',').filter(Boolean).map(Number);
  const appEnv = new Map(all(a.flags, 'environment').map((t) => keyValue('environment', t)));
  const environment = mergeEnvironment({
    image: (app.environment as { name: string; value: string }[] | undefined) ?? [],
    file: shared.file,
    setEnv: shared.setEnv,
    app: appEnv,
    ...(shared.host ? { host: shared.host } : {}),
  });
  if (environment.length > 0) app.environment = environment;
  const isolators = applyIsolatorFlags(
    (app.isolators as { name: string; value: unknown }[] | undefined) ?? [],
    a.flags,
  );
  if (isolators.length > 0) app.isolators = isolators;
  mergeMap(app, 'userAnnotations', all(a.flags, 'user-annotation'), 'user-annotation');
  mergeMap(app, 'userLabels', all(a.flags, 'user-label'), 'user-label');

  const out: Json = {
    name: last(a.flags, 'name') ?? defaultAppName(image.manifest.name),
    image: { name: image.manifest.name, id: image.key, labels: imageRaw.labels ?? [] },
    app,
  };
  const mounts = appMounts(shared.podMounts, all(a.flags, 'mount').map(mountFromFlag));
  if (mounts.length > 0) out.mounts = mounts;
  if (bool(a.flags, 'readonly-rootfs')) out.readOnlyRootFS = true;
  const annotations = all(a.flags, 'annotation').map((t) => keyValue('annotation', t));
  if (annotations.length > 0) out.annotations = annotations.map(([name, value]) => ({ name, value }));
  return out;
}

/** rkt's default app name: the last path component of the image name, as an AC name. */
export function defaultAppName(imageName: string): string {
  return sanitizeACName(imageName.slice(imageName.lastIndexOf('/') + 1));
}

/** Pod-wide mounts plus the app's own; the app's win on the same cleaned path, first kept. */
function appMounts(pod: { volume: string; path: string }[], own: { volume: string; path: string }[]) {
  const seen = new Set<string>();
  return [...own, ...pod].filter((m) => {
    const key = posix.normalize(m.path).replace(/(.)\/+$/, '$1');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hostEnvironment(env: NodeJS.ProcessEnv): Map<string, string> {
  return new Map(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined));
}

function setIf(obj: Json, key: string, value: string | undefined): void {
  if (value !== undefined) obj[key] = value;
}

function mergeMap(app: Json, key: string, values: string[], flag: string): void {
  if (values.length === 0) return;
  const map = { ...((app[key] as Record<string, string> | undefined) ?? {}) };
  for (const text of values) {
    const [k, v] = keyValue(flag, text);
    map[k] = v;
  }
  app[key] = map;
}
