import type { ImageManifest } from '@rkt/appc';
import { stage1Error } from './errors.js';

/** Entrypoint names and the manifest annotations that declare them (rkt.md §2.1). */
export const ENTRYPOINT_ANNOTATIONS = {
  run: 'coreos.com/rkt/stage1/run',
  enter: 'coreos.com/rkt/stage1/enter',
  gc: 'coreos.com/rkt/stage1/gc',
  stop: 'coreos.com/rkt/stage1/stop',
  appAdd: 'coreos.com/rkt/stage1/app/add',
  appRm: 'coreos.com/rkt/stage1/app/rm',
  appStart: 'coreos.com/rkt/stage1/app/start',
  appStop: 'coreos.com/rkt/stage1/app/stop',
  attach: 'coreos.com/rkt/stage1/attach',
} as const;

export type EntrypointName = keyof typeof ENTRYPOINT_ANNOTATIONS;

export const INTERFACE_VERSION_ANNOTATION = 'coreos.com/rkt/stage1/interface-version';
/** This engine's addition: the plan a stage1 image consumes (fly: `sh-v1`). */
export const PLAN_FORMAT_ANNOTATION = 'rkt-ts.io/stage1/plan-format';

export interface Stage1Info {
  name: string;
  /** the `version` label, if any */
  version: string | undefined;
  /** 1 when the annotation is absent */
  interfaceVersion: number;
  /** paths relative to the stage1 rootfs; `run` is always present */
  entrypoints: { run: string } & Partial<Record<Exclude<EntrypointName, 'run'>, string>>;
  planFormat: string | undefined;
  /** rkt's rule: a stage1 supports mutable pods iff it declares app/rm, app/start and app/stop */
  supportsMutable: boolean;
}

/** What the stage1 image's manifest says about its ABI. Throws STAGE1_INVALID when unusable. */
export function readStage1Info(manifest: ImageManifest): Stage1Info {
  const annotation = (name: string): string | undefined =>
    manifest.annotations?.find((a) => a.name === name)?.value;
  const entrypoints: Partial<Record<EntrypointName, string>> = {};
  for (const [key, name] of Object.entries(ENTRYPOINT_ANNOTATIONS) as [EntrypointName, string][]) {
    const value = annotation(name);
    if (value !== undefined && value !== '') entrypoints[key] = value;
  }
  const run = entrypoints.run;
  if (run === undefined)
    throw stage1Error(
      'STAGE1_INVALID',
      `stage1 image ${manifest.name} has no ${ENTRYPOINT_ANNOTATIONS.run} annotation`,
    );
  return {
    name: manifest.name,
    version: manifest.labels?.find((l) => l.name === 'version')?.value,
    interfaceVersion: parseInterfaceVersion(manifest.name, annotation(INTERFACE_VERSION_ANNOTATION)),
    entrypoints: { ...entrypoints, run },
    planFormat: annotation(PLAN_FORMAT_ANNOTATION),
    supportsMutable: ['appRm', 'appStart', 'appStop'].every(
      (k) => entrypoints[k as EntrypointName] !== undefined,
    ),
  };
}

function parseInterfaceVersion(image: string, value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1)
    throw stage1Error(
      'STAGE1_INVALID',
      `stage1 image ${image}: ${INTERFACE_VERSION_ANNOTATION} must be a positive integer, got "${value}"`,
    );
  return Number(value);
}
