import { statSync } from 'node:fs';
import { extname, isAbsolute, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RktError } from '@rkt/common';
import { CODES } from './errors.js';
import { parseImageName, type ImageName } from './image-name.js';

/** Where an image argument comes from (rkt.md §5.1). */
export type ImageSource =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: URL }
  | { kind: 'hash'; id: string }
  | { kind: 'name'; image: ImageName };

export interface ClassifyEnv {
  cwd: string;
  isRegularFile: (path: string) => boolean;
}

const HASH = /^sha512-[0-9a-f]{2,}$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * rkt's DistFromImageString with two deliberate differences: `sha512-<hex>` is a store lookup by ID
 * (rkt's fetch would try discovery on it, which can never succeed), and schemes rkt would hand to
 * docker2aci or its internal `cimd:` form are refused with a clear error.
 */
export function classifyImage(image: string, env: Partial<ClassifyEnv> = {}): ImageSource {
  if (HASH.test(image)) return { kind: 'hash', id: image };
  const scheme = SCHEME.exec(image)?.[1]?.toLowerCase();
  if (scheme === undefined) return guessPathOrName(image, { ...defaultEnv(), ...env });
  switch (scheme) {
    case 'file':
    case 'http':
    case 'https':
      return archiveUrl(image);
    case 'docker':
      throw new RktError(
        CODES.dockerUnsupported,
        `docker images are not supported yet: ${JSON.stringify(image)}`,
      );
    case 'cimd':
      throw new RktError(
        CODES.invalidImage,
        `internal distribution URIs are not supported: ${JSON.stringify(image)}`,
      );
    default:
      return { kind: 'name', image: parseImageName(image) };
  }
}

function guessPathOrName(image: string, env: ClassifyEnv): ImageSource {
  const path = resolve(env.cwd, image);
  if (isAbsolute(image) || env.isRegularFile(path)) return { kind: 'file', path };
  if (image.includes(':')) return { kind: 'name', image: parseImageName(image) };
  if (image.includes('./') || image.endsWith('.aci')) return { kind: 'file', path };
  return { kind: 'name', image: parseImageName(image) };
}

function archiveUrl(image: string): ImageSource {
  let url: URL;
  try {
    url = new URL(image);
  } catch {
    throw new RktError(CODES.invalidImage, `invalid image URL ${JSON.stringify(image)}`);
  }
  if (posix.extname(url.pathname) !== '.aci') {
    throw new RktError(
      CODES.invalidImage,
      `invalid image string ${JSON.stringify(image)}: a ${url.protocol}// URL must name an .aci file`,
    );
  }
  if (url.protocol !== 'file:') return { kind: 'url', url };
  try {
    return { kind: 'file', path: fileURLToPath(url) };
  } catch (err) {
    throw new RktError(CODES.invalidImage, `invalid file URL ${JSON.stringify(image)}`, { cause: err });
  }
}

function defaultEnv(): ClassifyEnv {
  return {
    cwd: process.cwd(),
    isRegularFile: (path) => {
      try {
        return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    },
  };
}

/** `/x/busybox.aci` → `/x/busybox.aci.asc`: rkt's default detached signature of a file. */
export function signaturePathFor(path: string): string {
  return extname(path) === '.aci' ? `${path}.asc` : `${path}.aci.asc`;
}
