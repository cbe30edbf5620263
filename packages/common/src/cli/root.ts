import { RktError } from '../errors.js';

/** rkt's ensureSuperuser: commands that create, run or delete pods refuse anyone but root. */
export function requireRoot(): void {
  if (process.geteuid?.() !== 0) throw new RktError('NOT_ROOT', 'cannot run as unprivileged user');
}
