export { all, bool, last, parseRunArgs, type AppArgs, type FlagValues, type RunArgs } from './argv.js';
export { FLAGS, type Command, type FlagKind, type FlagScope, type FlagSpec } from './flag-table.js';
export {
  buildPodManifest,
  defaultAppName,
  type ManifestContext,
  type ResolvedImage,
} from './pod-manifest.js';
export { mergeEnvironment, parseEnvFile, parseSetEnv } from './environment.js';
export { selectStage1, type Stage1Defaults, type Stage1Ref } from './stage1-selection.js';
export { resolveStage1, type Stage1Fetcher } from './stage1-image.js';
export { preparePod, type PrepareInput, type PreparedPod } from './prepare.js';
export { handOff, runOptions, type HandOff } from './run.js';
export { pullPolicyOf, validateRunArgs } from './validate.js';
