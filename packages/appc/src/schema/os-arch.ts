import { fail, show } from './validation-error.js';

/** Go's ValidOSArch: the `os` label values and, per os, the `arch` values appc accepts. */
export const VALID_OS_ARCH: Readonly<Record<string, readonly string[]>> = Object.freeze({
  linux: Object.freeze([
    'amd64',
    'i386',
    'aarch64',
    'aarch64_be',
    'armv6l',
    'armv7l',
    'armv7b',
    'ppc64',
    'ppc64le',
    's390x',
  ]),
  freebsd: Object.freeze(['amd64', 'i386', 'arm']),
  darwin: Object.freeze(['x86_64', 'i386']),
});

/**
 * Checks an `os` label and, when the os is known, the `arch` label. Like Go, `arch` without `os` is
 * not checked: the spec says arch only has meaning together with os.
 */
export function validateOsArch(
  os: string | undefined,
  arch: string | undefined,
  fields: { os: string; arch: string } = { os: 'os', arch: 'arch' },
): void {
  if (os === undefined) return;
  if (!Object.hasOwn(VALID_OS_ARCH, os)) {
    fail(fields.os, `bad os ${show(os)}: must be one of ${Object.keys(VALID_OS_ARCH).join(', ')}`);
  }
  const arches = VALID_OS_ARCH[os] ?? [];
  if (arch !== undefined && !arches.includes(arch)) {
    fail(fields.arch, `bad arch ${show(arch)} for os ${os}: must be one of ${arches.join(', ')}`);
  }
}
