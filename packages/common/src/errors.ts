/**
 * Errors a user can hit. Each has a stable `code` (scripts match on it; never rename one), an
 * `exitCode` (rkt's: 254 for any engine-side failure), an optional `hint` printed on a second line,
 * and an optional `cause` shown as a chain with --debug. Libraries throw these; only a cli.ts prints.
 * Anything that is not an RktError is a programmer error: the CLI handler prints its stack.
 */

/** rkt's exit status for every engine-side failure (rkt >= 1.18). */
export const EXIT_ENGINE_FAILURE = 254;
/** rkt's exit status when no subcommand was given. */
export const EXIT_USAGE = 2;

export interface RktErrorOptions {
  hint?: string;
  cause?: unknown;
  exitCode?: number;
}

export class RktError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: RktErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RktError';
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT_ENGINE_FAILURE;
    this.hint = options.hint;
  }
}

export function isRktError(e: unknown): e is RktError {
  return e instanceof RktError;
}
