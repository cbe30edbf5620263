import { isRktError, RktError } from '@rkt/common';

export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}

/** The message of an expected failure (RktError or a system call's error); anything else is a bug and rethrown. */
export function errorMessage(err: unknown): string {
  if (isRktError(err) || isSystemError(err)) return err.message;
  throw err;
}

/** An RktError `<what>: <reason>` for a failed step; an RktError cause keeps its code. */
export function failure(code: string, what: string, err: unknown): RktError {
  const c = isRktError(err) ? err.code : code;
  return new RktError(c, `${what}: ${errorMessage(err)}`, { cause: err });
}
