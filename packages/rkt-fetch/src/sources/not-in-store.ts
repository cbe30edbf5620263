import { RktError } from '@rkt/common';
import { CODES } from '../errors.js';

/** --pull-policy=never and the store has no match. */
export function notInStore(what: string): RktError {
  return new RktError(
    CODES.notInStore,
    `image ${JSON.stringify(what)} is not in the store (pull policy "never")`,
    {
      hint: 'fetch it with --pull-policy=new or update',
    },
  );
}
