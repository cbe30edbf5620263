// rkt's pod management commands as functions: list, status, cat-manifest, stop, rm, gc and enter.
// Each *-cli.ts is the thin binary around one of them.
export { commandContext, usageText, type CommandContext, type CommandDef, type PodsIo } from './command.js';
export {
  GLOBAL_FLAGS,
  parseArgs,
  parseGoBool,
  type FlagSpec,
  type FlagSpecs,
  type ParsedArgs,
} from './flags.js';
export { CAT_MANIFEST, ENTER, GC, LIST, RM, STATUS, STOP } from './defs.js';
export { listCommand, type ListOptions } from './list.js';
export { statusCommand, type StatusOptions } from './status.js';
export { parseWaitDuration } from './wait.js';
export { podManifestText } from './cat-manifest.js';
export { stopCommand, type StopOptions } from './stop.js';
export { rmCommand, type RmOptions } from './rm.js';
export { gcPods, type GcOptions } from './gc.js';
export { deletePod, type DeleteOptions } from './delete-pod.js';
export { planEnter, type EnterExec, type EnterOptions } from './enter.js';
export { formatGoDuration } from './go-duration.js';
