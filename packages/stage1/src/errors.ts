import { RktError, type RktErrorOptions } from '@rkt/common';

/**
 * Stable codes of the errors this package throws (scripts match on them; never rename one). All exit
 * with rkt's engine-failure status, 254.
 */
export const STAGE1_ERRORS = {
  /** the stage1 image manifest lacks a run entrypoint or has a bad interface version */
  STAGE1_INVALID: 'STAGE1_INVALID',
  /** the stage1 declares no plan format, or one this planner cannot write */
  STAGE1_PLAN_FORMAT: 'STAGE1_PLAN_FORMAT',
  /** an option the caller needs cannot be given to this stage1 (e.g. --mutable) */
  STAGE1_UNSUPPORTED: 'STAGE1_UNSUPPORTED',
  APP_NO_EXEC: 'APP_NO_EXEC',
  APP_EXEC_NOT_FOUND: 'APP_EXEC_NOT_FOUND',
  APP_USER_NOT_FOUND: 'APP_USER_NOT_FOUND',
  APP_GROUP_NOT_FOUND: 'APP_GROUP_NOT_FOUND',
  APP_WORKDIR_NOT_FOUND: 'APP_WORKDIR_NOT_FOUND',
  APP_VOLUME_NOT_FOUND: 'APP_VOLUME_NOT_FOUND',
  /** a host volume source is missing, relative, or is/passes through a symlink */
  APP_VOLUME_SOURCE: 'APP_VOLUME_SOURCE',
  /** a mount target is `/`, duplicated, nested in another, or of the wrong file type */
  APP_MOUNT_TARGET: 'APP_MOUNT_TARGET',
  /** a string cannot be carried by the plan (NUL anywhere; newline or overlay separators in paths) */
  PLAN_UNSAFE_VALUE: 'PLAN_UNSAFE_VALUE',
  /** the pod manifest and the apps given to the planner do not match */
  PLAN_INPUT: 'PLAN_INPUT',
} as const;

export type Stage1ErrorCode = keyof typeof STAGE1_ERRORS;

export function stage1Error(code: Stage1ErrorCode, message: string, options?: RktErrorOptions): RktError {
  return new RktError(code, message, options);
}
