import { RktError } from '@rkt/common';

/** Stable codes of the errors fetch raises itself (store and ACI errors pass through unchanged). */
export const CODES = {
  invalidImage: 'INVALID_IMAGE_STRING',
  dockerUnsupported: 'DOCKER_UNSUPPORTED',
  notInStore: 'IMAGE_NOT_FOUND',
  fileRead: 'IMAGE_FILE_READ',
  signatureNotFound: 'SIGNATURE_NOT_FOUND',
  signatureUnverifiable: 'SIGNATURE_UNVERIFIABLE',
  keyReview: 'KEY_REVIEW_NEEDED',
  insecureHttp: 'INSECURE_HTTP',
  httpStatus: 'HTTP_STATUS',
  network: 'HTTP_NETWORK',
  timeout: 'HTTP_TIMEOUT',
  stalled: 'HTTP_STALLED',
  lengthMismatch: 'HTTP_LENGTH_MISMATCH',
  truncated: 'HTTP_TRUNCATED',
  redirects: 'HTTP_REDIRECTS',
  authUnsupported: 'AUTH_UNSUPPORTED',
  discovery: 'DISCOVERY_FAILED',
  imageMismatch: 'IMAGE_MISMATCH',
  usage: 'USAGE',
} as const;

/** An error of the transfer itself; `transient` ones (network trouble, 5xx) are worth retrying. */
export class FetchError extends RktError {
  readonly transient: boolean;

  constructor(
    code: string,
    message: string,
    options: { transient?: boolean; cause?: unknown; hint?: string } = {},
  ) {
    super(code, message, options);
    this.name = 'FetchError';
    this.transient = options.transient ?? false;
  }
}

export function isTransient(err: unknown): boolean {
  return err instanceof FetchError && err.transient;
}

/** An error raised while fetching a dependency, reworded to say whose dependency it was. */
export function inDependency(err: unknown, dep: string, parent: string): unknown {
  if (!(err instanceof RktError)) return err;
  const message = `dependency ${JSON.stringify(dep)} of ${JSON.stringify(parent)}: ${err.message}`;
  return new RktError(err.code, message, { cause: err, exitCode: err.exitCode, ...hintOf(err) });
}

function hintOf(err: RktError): { hint?: string } {
  return err.hint === undefined ? {} : { hint: err.hint };
}

/** A command-line mistake, with rkt's pointer to the help. */
export function usageError(message: string): RktError {
  return new RktError(CODES.usage, message, { hint: "Run 'rkt fetch --help' for usage." });
}
