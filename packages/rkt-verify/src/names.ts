import { isACIdentifier } from '@rkt/appc';
import { TrustError } from './errors.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Checks a trust prefix (`example.com/app`): an AC identifier with no URL scheme. Each `/`-separated
 * component becomes one directory under prefix.d, so empty, `.` and `..` components are refused too
 * (Go's identifier check lets `a/../b` through, and rkt's filepath.Join would then leave prefix.d).
 */
export function checkPrefix(prefix: string): string {
  const scheme = SCHEME.exec(prefix);
  if (scheme) {
    throw new TrustError('INVALID_PREFIX', `--prefix must not contain a URL scheme, omit ${scheme[1]}://`);
  }
  const problem = identifierProblem(prefix);
  if (problem) throw new TrustError('INVALID_PREFIX', `invalid prefix "${prefix}": ${problem}`);
  return prefix;
}

/** Checks an image name the same way; the keyring of an image is found from its name. */
export function checkImageName(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new TrustError('INVALID_IMAGE_NAME', `invalid image name "${name}": ${problem}`);
  return name;
}

/** Whether checkPrefix would accept `prefix` (a directory found on disk may not be one). */
export function isValidPrefix(prefix: string): boolean {
  return !SCHEME.test(prefix) && identifierProblem(prefix) === undefined;
}

/**
 * Whether trust for `prefix` covers image `name`: path-component prefixes only, so `a.com/b` covers
 * `a.com/b` and `a.com/b/c` but not `a.com/bc` (rkt compared plain strings; see README).
 */
export function prefixCovers(prefix: string, name: string): boolean {
  return name === prefix || name.startsWith(`${prefix}/`);
}

/** The path prefixes of a name, shortest first: `a.com/b/c` → `a.com`, `a.com/b`, `a.com/b/c`. */
export function pathPrefixes(name: string): string[] {
  const parts = name.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function identifierProblem(value: string): string | undefined {
  if (value === '') return 'it is empty';
  if (!isACIdentifier(value)) {
    return 'not an AC identifier (lowercase letters, digits and -._~/, starting and ending with a letter or digit)';
  }
  if (value.split('/').some((c) => c === '' || c === '.' || c === '..')) {
    return 'empty, "." and ".." path components are not allowed';
  }
  return undefined;
}
