export { EXIT_ENGINE_FAILURE, EXIT_USAGE, isRktError, RktError } from './errors.js';
export type { RktErrorOptions } from './errors.js';

export { runCli } from './cli/run-cli.js';
export type { RunCliOptions } from './cli/run-cli.js';
export { INTERNAL_ERROR_CODE, renderError } from './cli/render-error.js';
export type { RenderedError, RenderErrorOptions } from './cli/render-error.js';
export { formatCauseTree } from './cli/cause-tree.js';
export { debugFromArgv } from './cli/debug-flag.js';
export { guardEpipe, isEpipe } from './cli/epipe.js';
export { warn } from './cli/streams.js';
export { requireRoot } from './cli/root.js';
export type { TextSink } from './cli/streams.js';

export { formatTable } from './output/table.js';
export type { TableOptions } from './output/table.js';
export { formatJson } from './output/json.js';
export type { JsonFormat } from './output/json.js';
export { isJsonFormat, parseFormat } from './output/format.js';
export type { OutputFormat } from './output/format.js';
export { humanizeTime } from './output/humanize-time.js';
export { formatFullTime } from './output/full-time.js';
export type { TimeZoneChoice } from './output/full-time.js';
export { formatIECSize } from './output/iec-size.js';

export {
  addGlobalFlags,
  DEFAULT_DATA_DIR,
  DEFAULT_LOCAL_CONFIG_DIR,
  DEFAULT_SYSTEM_CONFIG_DIR,
  globalOptionsFrom,
  globalOptionsFromValues,
} from './flags/global-flags.js';
export type { GlobalFlagsArgv, GlobalOptions } from './flags/global-flags.js';
export { INSECURE_OPTIONS, parseInsecureOptions } from './flags/insecure-options.js';
export type { InsecureOption, InsecureOptions } from './flags/insecure-options.js';

export { loadConfig, loadConfigDir } from './config/load-config.js';
export type { ConfigDirs } from './config/load-config.js';
export { resolveDataDir } from './config/data-dir.js';
export { emptyConfig } from './config/types.js';
export type {
  AuthConfig,
  AwsCredentials,
  BasicCredentials,
  OAuthCredentials,
  PathsConfig,
  RktConfig,
  Stage1Config,
} from './config/types.js';

export { fsyncDir, writeFileAtomic } from './fs/atomic-write.js';
export type { WriteFileAtomicOptions } from './fs/atomic-write.js';
