import type { ImageManifest, PodManifest } from '@rkt/appc';
import { stage1Error } from './errors.js';
import type { AppRootfs, EmptyVolumePlan, PlanFormat, PodPlan } from './plan.js';
import { planOci, type OciAppInput } from './oci-plan.js';
import { resolveApp } from './resolve-app.js';
import type { Stage1Info } from './stage1-info.js';

/** What each plan format implies about the flavor that reads it. */
export const PLAN_FORMATS: Record<PlanFormat, { stage1Binds: readonly string[]; recursiveDefault: boolean }> =
  {
    // fly: no pid/net namespaces, so the host's /dev, /proc and /sys are the app's; host volumes are
    // not recursive unless asked (rkt.md §6.1).
    'sh-v1': { stage1Binds: ['/dev', '/proc', '/sys'], recursiveDefault: false },
    // stage1-default: crun gives each app its own /dev, /proc and /sys; host volumes are recursive
    // unless asked otherwise, as in rkt's nspawn flavors.
    'oci-v1': { stage1Binds: [], recursiveDefault: true },
  };

export function isPlanFormat(format: string | undefined): format is PlanFormat {
  return format !== undefined && Object.hasOwn(PLAN_FORMATS, format);
}

export interface PlanAppInput {
  /** the pod manifest's app name */
  name: string;
  imageManifest: ImageManifest;
  rootfs: AppRootfs;
}

export interface PlanPodInput {
  uuid: string;
  /** where the pod directory is now */
  podDir: string;
  manifest: PodManifest;
  stage1: Stage1Info;
  /** one per app of the manifest, any order */
  apps: readonly PlanAppInput[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Resolve every app of the pod for the stage1's plan format. Reads trees; writes nothing. */
export async function planPod(input: PlanPodInput): Promise<PodPlan> {
  const format = input.stage1.planFormat;
  if (!isPlanFormat(format))
    throw stage1Error(
      'STAGE1_PLAN_FORMAT',
      format === undefined
        ? `stage1 ${input.stage1.name} declares no plan format (annotation rkt-ts.io/stage1/plan-format)`
        : `stage1 ${input.stage1.name} wants plan format "${format}"; this engine writes ${Object.keys(PLAN_FORMATS).join(', ')}`,
    );
  if (!UUID.test(input.uuid)) throw stage1Error('PLAN_INPUT', `"${input.uuid}" is not a pod UUID`);
  const spec = PLAN_FORMATS[format];
  const plan: PodPlan = { format, uuid: input.uuid, apps: [], emptyVolumes: [], warnings: [] };
  const ociApps: OciAppInput[] = [];
  for (const ra of input.manifest.apps) {
    const given = input.apps.find((a) => a.name === ra.name);
    if (given === undefined)
      throw stage1Error('PLAN_INPUT', `no image manifest and tree given for app "${ra.name}"`);
    const r = await resolveApp({
      podDir: input.podDir,
      runtimeApp: ra,
      imageManifest: given.imageManifest,
      rootfs: given.rootfs,
      volumes: input.manifest.volumes ?? [],
      stage1Binds: spec.stage1Binds,
      recursiveDefault: spec.recursiveDefault,
    });
    plan.apps.push(r.plan);
    plan.warnings.push(...r.warnings);
    for (const v of r.emptyVolumes) addEmptyVolume(plan.emptyVolumes, v);
    const app = ra.app ?? given.imageManifest.app;
    if (app !== undefined) ociApps.push({ plan: r.plan, app });
  }
  if (format === 'oci-v1') plan.oci = await planOci(input.uuid, input.manifest, ociApps, plan.warnings);
  return plan;
}

function addEmptyVolume(list: EmptyVolumePlan[], v: EmptyVolumePlan): void {
  if (!list.some((e) => e.name === v.name)) list.push(v);
}
