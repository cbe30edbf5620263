import { RktError } from '@rkt/common';

/** Stable codes of the errors the store throws (see README.md). Never rename one. */
export const IMAGE_NOT_FOUND = 'IMAGE_NOT_FOUND';
export const IMAGE_AMBIGUOUS = 'IMAGE_AMBIGUOUS';
export const IMAGE_ID_INVALID = 'IMAGE_ID_INVALID';
export const IMAGE_ID_MISMATCH = 'IMAGE_ID_MISMATCH';
export const IMAGE_NAME_INVALID = 'IMAGE_NAME_INVALID';
export const DEPENDENCY_CYCLE = 'DEPENDENCY_CYCLE';
export const STORE_CORRUPT = 'STORE_CORRUPT';
export const STORE_IO = 'STORE_IO';

export function storeError(code: string, message: string, cause?: unknown): RktError {
  return new RktError(code, message, cause === undefined ? {} : { cause });
}

export function imageNotFound(key: string): RktError {
  return storeError(IMAGE_NOT_FOUND, `no image ${key} in the store`);
}

/** A system call failing under the store (ENOSPC, EACCES, EIO...) is the user's to fix, not a bug. */
export async function ioErrors<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RktError || !(e instanceof Error) || !('syscall' in e)) throw e;
    throw storeError(STORE_IO, `${doing}: ${e.message}`, e);
  }
}
