import { RktError } from '@rkt/common';

/** Stable codes of the errors this package throws or reports (POD-FORMAT.md). Never rename one. */
export const POD_NOT_FOUND = 'POD_NOT_FOUND';
export const POD_AMBIGUOUS = 'POD_AMBIGUOUS';
export const POD_UUID_INVALID = 'POD_UUID_INVALID';
export const POD_UUID_FILE = 'POD_UUID_FILE';
export const POD_NOT_PREPARED = 'POD_NOT_PREPARED';
export const POD_MANIFEST_INVALID = 'POD_MANIFEST_INVALID';
export const POD_IMAGE_MANIFEST_INVALID = 'POD_IMAGE_MANIFEST_INVALID';
export const POD_NETINFO_INVALID = 'POD_NETINFO_INVALID';
export const POD_PID_INVALID = 'POD_PID_INVALID';
export const POD_MOUNTS_LEFT = 'POD_MOUNTS_LEFT';
export const POD_DIR_ENTRY_INVALID = 'POD_DIR_ENTRY_INVALID';

export function podError(code: string, message: string, cause?: unknown): RktError {
  return new RktError(code, message, cause === undefined ? {} : { cause });
}

/** Go's %q for the strings rkt quotes (UUIDs, paths): close enough to JSON string syntax. */
export function quote(s: string): string {
  return JSON.stringify(s);
}

/** The reason part of a Node fs error ("no such file or directory"), else the message. */
export function reason(e: unknown): string {
  if (e instanceof Error) {
    const m = /^[A-Z]+: (.*?), \w+/.exec(e.message);
    return m?.[1] ?? e.message;
  }
  return String(e);
}

export function notPrepared(uuid: string): RktError {
  return podError(POD_NOT_PREPARED, `pod ${quote(uuid)} is not prepared`);
}
