/**
 * rkt fetch: images from files, http(s) URLs and appc discovery into the store (rkt.md §1.4, §5).
 *
 * Contract choices, where rkt left room or could not be followed:
 * - `sha512-<hex>` is a lookup by ID in the store (any unique prefix), whatever the pull policy.
 * - `host:port/path[:version]` names an image `host/path` discovered on that port (AC identifiers
 *   cannot hold a port); a dependency named on the host its parent came from is discovered there too.
 * - Signatures (rkt.md §5.2, §5.4): unless --insecure-options=image, every image taken from a file,
 *   URL or discovery is verified against its detached signature (--signature or `<path>.asc`; the URL
 *   with `.aci` → `.aci.asc`; discovery's `{ext}` = `aci.asc`) in the same pass as its import, and
 *   the store records it only after the signature verified (the store's `beforeCommit`). A file's or
 *   URL's name is known only from its manifest: its signature is checked against every trusted key
 *   and its signer must then be trusted for the manifest's name. A URL is not downloaded at all when
 *   no key is trusted, or when the signer is unknown to every scope. A name's keyring is loaded
 *   before discovery; when it is empty, the name's `ac-discovery-pubkeys` are offered for trust
 *   for the name (a review on a terminal; --trust-keys-from-https for https keys; else a failure
 *   with the `rkt trust` advice). A 202 on a signature downloads the image to a temp file first.
 * - Images already in the store are trusted as they are: the store holds only verified images (or
 *   images fetched with --insecure-options=image), as rkt's did.
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
