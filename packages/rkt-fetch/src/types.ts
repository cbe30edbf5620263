import type { AuthConfig, InsecureOptions } from '@rkt/common';
import type { KeystoreDirs, ReviewStreams } from '@rkt/rkt-verify';
import type { Store } from '@rkt/store';

/** rkt's --pull-policy (rkt.md §4.6). */
export type PullPolicy = 'new' | 'update' | 'never';

/** One image argument of `rkt fetch`, with the flags that apply to it. */
export interface ImageRequest {
  /** as given: a path, a file/http/https URL ending `.aci`, `sha512-…`, or `name[:version][,l=v]` */
  image: string;
  /** --signature given after the image: its detached signature (a file image's only) */
  signature?: string;
}

/** Network knobs; every field has a default (see DEFAULT_HTTP_SETTINGS). */
export interface HttpSettings {
  /** give up connecting (TCP + TLS) after this long */
  connectTimeoutMs: number;
  /** fail a transfer when no byte arrived for this long */
  stallTimeoutMs: number;
  maxRedirects: number;
  /** attempts after the first one, for network errors and 5xx responses only */
  retries: number;
  /** first retry delay; doubled for each further attempt */
  retryDelayMs: number;
}

/** Reports one download; created when the response headers arrive. */
export interface ProgressSink {
  bytes(n: number): void;
  done(): void;
}

export type ProgressFactory = (label: string, total: number | undefined) => Promise<ProgressSink>;

export interface FetchOptions {
  /** the data dir (`--dir`, resolved) */
  dir: string;
  pullPolicy: PullPolicy;
  insecure: InsecureOptions;
  /** auth.d entries by host[:port]; asked for only when a request goes out */
  auth?: () => Promise<ReadonlyMap<string, AuthConfig>>;
  http?: Partial<HttpSettings>;
  /** render trees at fetch time (rkt does when root); default: euid is 0 */
  render?: boolean;
  /** base of relative paths; default process.cwd() */
  cwd?: string;
  progress?: ProgressFactory;
  /** debug diagnostics (already prefixed by the caller) */
  debug?: (message: string) => void;
  /** called as each requested image is done, in order */
  onResult?: (result: FetchResult, index: number) => void;
  /** an open store to use instead of opening (and closing) one at `dir` */
  store?: Store;
  /** the trusted keys (--system-config, --local-config); default /usr/lib/rkt and /etc/rkt */
  keystore?: KeystoreDirs;
  /** --trust-keys-from-https: trust keys discovered over https without asking */
  trustKeysFromHttps?: boolean;
  /** where discovered keys are shown and a review asked; default stdin and stderr, asking only on a terminal */
  review?: ReviewStreams;
}

/** What fetch gives back for each requested image; also the JSON line of `--format=json`. */
export interface FetchResult {
  /** the full appc image ID: `sha512-` + 128 hex */
  id: string;
  /** rkt's store key: `sha512-` + 64 hex */
  key: string;
  /** the image's manifest name */
  name: string;
  /** the image argument as given */
  source: string;
}
