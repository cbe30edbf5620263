import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertPodManifestReified,
  decodePodManifest,
  encodePodManifest,
  type ImageManifest,
  type PodManifest,
} from '@rkt/appc';
import type { InsecureOptions, RktConfig } from '@rkt/common';
import { createPod, withPrepareLock, writeUuidFile, type LockedPod } from '@rkt/pod';
import { fetchImages } from '@rkt/rkt-fetch';
import { planPod, readStage1Info, writePodPlan, type PlanAppInput, type Stage1Info } from '@rkt/stage1';
import type { Store } from '@rkt/store';
import { bool, last, type RunArgs } from './argv.js';
import type { Command } from './flag-table.js';
import { buildPodManifest, type ResolvedImage } from './pod-manifest.js';
import { layApp, layStage1, overlaySupported } from './pod-trees.js';
import { resolveStage1 } from './stage1-image.js';
import { selectStage1, type Stage1Defaults } from './stage1-selection.js';
import { pullPolicyOf, validateRunArgs } from './validate.js';

export interface PrepareInput {
  command: Command;
  args: RunArgs;
  dataDir: string;
  store: Store;
  insecure: InsecureOptions;
  /** where trusted keys live (--system-config, --local-config) and --trust-keys-from-https */
  keystore?: { systemConfig: string; localConfig: string };
  trustKeysFromHttps?: boolean;
  config: RktConfig;
  stage1Defaults: Stage1Defaults;
  rktVersion: string;
  warn: (message: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface PreparedPod {
  /** locked, in prepare/ */
  pod: LockedPod;
  manifest: PodManifest;
  stage1: Stage1Info;
}

/**
 * Everything `rkt prepare` and `rkt run` do before the hand-off: fetch the images (pull policy
 * `new` by default), pick and fetch the stage1, build and validate the pod manifest, then create the
 * pod and lay out stage1, app trees and the stage1's plan under the shared prepare lock. Errors
 * before the pod exists leave nothing behind; a failure after removes the half-made pod.
 */
export async function preparePod(input: PrepareInput): Promise<PreparedPod> {
  const { args, store } = input;
  validateRunArgs(args, input.command);
  const render = process.geteuid?.() === 0;
  const fetchOpts = {
    dir: input.dataDir,
    store,
    insecure: input.insecure,
    ...(input.keystore === undefined ? {} : { keystore: input.keystore }),
    trustKeysFromHttps: input.trustKeysFromHttps ?? false,
    render,
    ...(input.cwd === undefined ? {} : { cwd: input.cwd }),
  };
  const podManifestPath = last(args.pod, 'pod-manifest');
  let manifest: PodManifest;
  let keys: string[];
  if (podManifestPath !== undefined) {
    manifest = decodePodManifest(readFileSync(podManifestPath));
    assertPodManifestReified(manifest);
    keys = await Promise.all(manifest.apps.map((a) => store.resolveKey(a.image.id!)));
  } else {
    const requests = args.apps.map((a) => {
      const signature = last(a.flags, 'signature');
      return signature === undefined ? { image: a.image } : { image: a.image, signature };
    });
    const fetched = await fetchImages(requests, { ...fetchOpts, pullPolicy: pullPolicyOf(args) });
    keys = fetched.map((f) => f.key);
    const images: ResolvedImage[] = await Promise.all(
      keys.map(async (key) => ({ key, manifest: await store.readManifest(key) })),
    );
    manifest = buildPodManifest(args, images, {
      rktVersion: input.rktVersion,
      hostEnv: input.env ?? process.env,
      readFile: (p) => readFileSync(p, 'utf8'),
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
    });
  }
  const stage1Ref = selectStage1(args.pod, input.config, input.stage1Defaults);
  const stage1Key = await resolveStage1(
    stage1Ref,
    store,
    { fetch: async (image) => (await fetchImages([{ image }], { ...fetchOpts, pullPolicy: 'new' }))[0]!.key },
    render,
    input.stage1Defaults.imageDirs,
  );
  const overlay = !bool(args.pod, 'no-overlay') && overlaySupported();
  return withPrepareLock(input.dataDir, 'shared', async () => {
    const pod = createPod(input.dataDir);
    try {
      const uuidFile = last(args.pod, 'uuid-file-save');
      if (uuidFile !== undefined) writeUuidFile(uuidFile, pod.uuid);
      const stage1 = readStage1Info(await layPod(pod, manifest, keys, stage1Key, overlay, input));
      return { pod, manifest, stage1 };
    } catch (e) {
      await pod.remove().catch(() => pod.release());
      throw e;
    }
  });
}

async function layPod(
  pod: LockedPod,
  manifest: PodManifest,
  keys: string[],
  stage1Key: string,
  overlay: boolean,
  input: PrepareInput,
): Promise<ImageManifest> {
  const podDir = pod.path;
  writeFileSync(join(podDir, 'pod'), encodePodManifest(manifest), { mode: 0o640 });
  const stage1Manifest = await layStage1(input.store, podDir, stage1Key);
  const stage1 = readStage1Info(stage1Manifest);
  const apps: PlanAppInput[] = [];
  for (const [i, app] of manifest.apps.entries()) {
    const laid = await layApp(input.store, podDir, { name: app.name, key: keys[i]! }, overlay);
    apps.push({ name: app.name, imageManifest: laid.manifest, rootfs: laid.rootfs });
  }
  if (overlay) writeFileSync(join(podDir, 'overlay-prepared'), '', { mode: 0o640 });
  const plan = await planPod({ uuid: pod.uuid, podDir, manifest, stage1, apps });
  plan.warnings.forEach(input.warn);
  await writePodPlan(podDir, plan);
  return stage1Manifest;
}
