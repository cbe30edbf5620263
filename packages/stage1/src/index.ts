// Stage1 planning: read a stage1 image's ABI, build entrypoint argv per interface version, resolve a
// pod's apps against their rendered trees into a plan (data), and write it into the pod directory.
export { STAGE1_ERRORS, type Stage1ErrorCode } from './errors.js';
export {
  ENTRYPOINT_ANNOTATIONS,
  INTERFACE_VERSION_ANNOTATION,
  PLAN_FORMAT_ANNOTATION,
  readStage1Info,
  type EntrypointName,
  type Stage1Info,
} from './stage1-info.js';
export {
  enterArgs,
  entrypointPath,
  gcArgs,
  runArgs,
  stopArgs,
  type RunArgsOptions,
  type Stage1Argv,
} from './entrypoint-args.js';
export {
  POD_PATHS,
  type AppPlan,
  type AppRootfs,
  type EmptyVolumePlan,
  type PlanFormat,
  type PlannedMount,
  type PodPlan,
} from './plan.js';
export { resolveApp, type ResolveAppInput, type ResolvedApp } from './resolve-app.js';
export { isPlanFormat, PLAN_FORMATS, planPod, type PlanAppInput, type PlanPodInput } from './plan-pod.js';
export { writePodPlan } from './write-plan.js';
export { renderShV1, SH_V1 } from './sh-v1.js';
export { appEnvironment, DEFAULT_ENVIRONMENT, DEFAULT_PATH } from './environment.js';
export { resolveGroup, resolveUser } from './user-group.js';
export { resolveExec } from './exec-lookup.js';
export { readFileInView, resolveInView, type Resolved, type RootView, type ViewMount } from './root-view.js';
export { shellQuote, shellWords } from './shell-quote.js';
