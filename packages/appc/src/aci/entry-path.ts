import { aciError } from './errors.js';

/**
 * Clean a tar entry name the way appc's checker does (`./rootfs/x/` -> `rootfs/x`), refusing names
 * that could land outside the image: absolute paths, `..` components, NUL bytes.
 */
export function cleanEntryName(raw: string): string {
  if (raw.includes('\0')) throw aciError(`entry ${JSON.stringify(raw)} has a NUL byte in its name`);
  if (raw.startsWith('/')) throw aciError(`entry ${JSON.stringify(raw)} is an absolute path`);
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw aciError(`entry ${JSON.stringify(raw)} escapes the image with ".."`);
    parts.push(part);
  }
  if (parts.length === 0) throw aciError(`entry ${JSON.stringify(raw)} has an empty name`);
  return parts.join('/');
}

/** True for `rootfs` itself and paths below it. */
export function isUnderRootfs(path: string): boolean {
  return path === 'rootfs' || path.startsWith('rootfs/');
}
