import { RktError } from '@rkt/common';

export const MANIFEST_INVALID = 'MANIFEST_INVALID';

const MAX_SHOWN_CHARS = 80;

/**
 * A manifest (or one of its values) that breaks the appc schema. `field` is the path of the bad value
 * (`apps[1].app.exec`, `labels[2].name`); the message is always one line: `${field}: ${reason}`.
 */
export class ManifestError extends RktError {
  readonly field: string;
  readonly reason: string;

  constructor(field: string, reason: string, options: { cause?: unknown } = {}) {
    super(MANIFEST_INVALID, `${field}: ${oneLine(reason)}`, options);
    this.name = 'ManifestError';
    this.field = field;
    this.reason = oneLine(reason);
  }
}

export function fail(field: string, reason: string): never {
  throw new ManifestError(field, reason);
}

/** A bad value as shown in an error: JSON-quoted, one line, cut at 80 characters. */
export function show(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'bigint') text = value.toString();
  else text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
