import { requiredString } from './json.js';
import { fail, show } from './validation-error.js';

export interface ParsedImageID {
  readonly algorithm: 'sha512';
  /** Lowercase hex; 128 digits for a full ID, fewer for rkt's store keys (64) and short forms. */
  readonly hex: string;
}

const HEX = /^[0-9a-f]{1,128}$/;

/**
 * `sha512-<hex>`. Go only checks "two parts, alg sha512, non-empty value" and so accepts `sha512-zz`;
 * we also require lowercase hex of at most 128 digits (see QUIRKS.md). Shorter IDs stay valid because
 * rkt writes its 64-digit store keys into pod manifests and users paste short IDs.
 */
export function parseImageID(value: string, field = 'imageID'): ParsedImageID {
  const parts = value.split('-');
  if (parts.length !== 2) fail(field, `${show(value)} is not an image ID: expected "sha512-<hex>"`);
  const [algorithm, hex] = parts as [string, string];
  if (algorithm !== 'sha512')
    fail(field, `${show(value)} uses unsupported hash algorithm ${show(algorithm)}`);
  if (hex === '') fail(field, `${show(value)} has an empty hash value`);
  if (!HEX.test(hex)) fail(field, `${show(value)} must be "sha512-" and up to 128 lowercase hex digits`);
  return { algorithm: 'sha512', hex };
}

export function isImageID(value: string): boolean {
  const [algorithm, hex, extra] = value.split('-');
  return algorithm === 'sha512' && extra === undefined && hex !== undefined && HEX.test(hex);
}

export function readImageID(value: unknown, field: string): string {
  const text = requiredString(value, field);
  parseImageID(text, field);
  return text;
}
