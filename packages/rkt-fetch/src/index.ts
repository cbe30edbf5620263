/**
 * rkt fetch: images from files, http(s) URLs and appc discovery into the store (rkt.md §1.4, §5).
 *
 * Contract choices, where rkt left room or could not be followed:
 * - `sha512-<hex>` is a lookup by ID in the store (any unique prefix), whatever the pull policy.
 * - `host:port/path[:version]` names an image `host/path` discovered on that port (AC identifiers
 *   cannot hold a port); a dependency named on the host its parent came from is discovered there too.
 * - Until signatures are checked, anything not taken from the store needs --insecure-options=image.
 * - Dependencies are found by imageID in the store first, else by name and labels (os/arch defaults
 *   added) under the same pull policy, and must hash to their imageID.
 * - Trees are rendered (as root) for images imported now; an image reused from the store is not
 *   rendered again, keeping `--pull-policy=never NAME` a few file reads.
 * - stdout: one line per image, `sha512-` + 32 hex (or the 64-hex key with --full), or with
 *   --format=json one FetchResult object per line: `{"id","key","name","source"}`.
 * - Tuning by environment: RKT_FETCH_CONNECT_TIMEOUT, RKT_FETCH_STALL_TIMEOUT, RKT_FETCH_RETRY_DELAY
 *   (seconds) and RKT_FETCH_RETRIES.
 */
export { fetchImages } from './fetch.js';
export type {
  FetchOptions,
  FetchResult,
  HttpSettings,
  ImageRequest,
  ProgressFactory,
  ProgressSink,
  PullPolicy,
} from './types.js';
export { CODES as FETCH_ERROR_CODES, FetchError } from './errors.js';
export { classifyImage, type ImageSource } from './classify.js';
export { parseImageName, withDefaultLabels, type ImageName } from './image-name.js';
export { parseFetchArgs, type FetchCommand } from './argv.js';
export { formatResult } from './output.js';
export { DEFAULT_HTTP_SETTINGS, httpSettingsFromEnv } from './http/settings.js';
