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
export { renderOciV1 } from './oci-v1.js';
export { cgroupPath, containerId, OCI_V1 } from './oci-layout.js';
export { appSpec, handlerSpec, pauseSpec } from './oci-app-spec.js';
export { appIsolation, type AppIsolation } from './oci-isolators.js';
export { capabilitySet, processCapabilities } from './oci-capabilities.js';
export { seccompProfile } from './oci-seccomp.js';
export { MASKED_PATHS, READONLY_PATHS } from './oci-paths.js';
export { planOci, type OciAppPlan, type OciPodPlan } from './oci-plan.js';
export type { OciCapabilities, OciMount, OciSeccomp, OciSpec } from './oci-spec.js';
export { LINUX_CAPABILITIES } from './capabilities.js';
export { RKT_DEFAULT_BLACKLIST, RKT_DEFAULT_WHITELIST } from './seccomp-lists.js';
export { errnoNumber } from './errno.js';
export { dnsFiles, writeDnsFiles, type DnsFiles, type DnsFlags } from './dns-files.js';
export { appEnvironment, DEFAULT_ENVIRONMENT, DEFAULT_PATH } from './environment.js';
export { resolveGroup, resolveUser } from './user-group.js';
export { resolveExec } from './exec-lookup.js';
export { readFileInView, resolveInView, type Resolved, type RootView, type ViewMount } from './root-view.js';
export { shellQuote, shellWords } from './shell-quote.js';
