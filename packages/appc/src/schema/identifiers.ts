import { expectString, requiredString } from './json.js';
import { fail, show } from './validation-error.js';

// Go checks "only allowed characters" and "no separator at either edge" separately, so runs of
// separators (`a--b`, `a./b`) are valid even though the spec's regex forbids them. We follow Go.
const AC_IDENTIFIER = /^[a-z0-9](?:[a-z0-9._~/-]*[a-z0-9])?$/;
const AC_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Image names, label and annotation names, isolator names: `example.com/app_x`. */
export function isACIdentifier(value: string): boolean {
  return AC_IDENTIFIER.test(value);
}

/** App, volume, mount point and port names: lowercase alphanumerics and inner `-`. */
export function isACName(value: string): boolean {
  return AC_NAME.test(value);
}

/** Lowercase, every invalid character to `_`, separators stripped from both ends (Go's SanitizeACIdentifier). */
export function sanitizeACIdentifier(value: string, field = 'name'): string {
  const out = value
    .toLowerCase()
    .replace(/[^a-z0-9._~/-]/gu, '_')
    .replace(/^[-._~/]+|[-._~/]+$/g, '');
  if (out === '') fail(field, `${show(value)} has no character usable in an AC identifier`);
  return out;
}

/** Lowercase, every invalid character to `-`, `-` stripped from both ends (Go's SanitizeACName). */
export function sanitizeACName(value: string, field = 'name'): string {
  const out = value
    .toLowerCase()
    .replace(/[^a-z0-9-]/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (out === '') fail(field, `${show(value)} has no character usable in an AC name`);
  return out;
}

export function readACIdentifier(value: unknown, field: string): string {
  const text = requiredString(value, field);
  if (!isACIdentifier(text)) fail(field, `${show(text)} is not a valid AC identifier`);
  return text;
}

export function readACName(value: unknown, field: string): string {
  const text = requiredString(value, field);
  if (!isACName(text)) fail(field, `${show(text)} is not a valid AC name`);
  return text;
}

/** For optional identifiers: absent stays absent, but an empty string is invalid (Go rejects it). */
export function readOptionalACIdentifier(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  const text = expectString(value, field);
  if (!isACIdentifier(text)) fail(field, `${show(text)} is not a valid AC identifier`);
  return text;
}
