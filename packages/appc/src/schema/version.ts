import semver from 'semver';
import { requiredString } from './json.js';
import { fail, show } from './validation-error.js';

/** The appc release this schema implements and the acVersion our tools write. */
export const APPC_SPEC_VERSION = '0.8.11';

export const IMAGE_MANIFEST_KIND = 'ImageManifest';
export const POD_MANIFEST_KIND = 'PodManifest';

/**
 * A strict SemVer 2.0.0 string, not 0.0.0 (Go rejects the zero version, build metadata ignored, as "empty"). npm's semver
 * tolerates a leading `v`/`=` and surrounding blanks, Go's does not, so those are refused first.
 */
export function isACVersion(value: string): boolean {
  if (!/^[0-9]/.test(value) || value.trim() !== value) return false;
  const parsed = semver.parse(value);
  if (parsed === null) return false;
  return parsed.major + parsed.minor + parsed.patch > 0 || parsed.prerelease.length > 0;
}

export function readACVersion(value: unknown, field: string): string {
  const text = requiredString(value, field);
  if (!isACVersion(text)) fail(field, `${show(text)} is not a valid SemVer version`);
  return text;
}

export function readACKind<K extends string>(value: unknown, field: string, kind: K): K {
  const text = requiredString(value, field);
  if (text !== kind) fail(field, `must be ${show(kind)}, got ${show(text)}`);
  return kind;
}
