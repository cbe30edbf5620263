import { RktError } from '@rkt/common';

/** Any archive that is not a well-formed ACI: wrong type, truncated, corrupt, or hostile. */
export const ACI_INVALID = 'ACI_INVALID';

export function aciError(message: string, cause?: unknown): RktError {
  return new RktError(ACI_INVALID, message, cause === undefined ? {} : { cause });
}
