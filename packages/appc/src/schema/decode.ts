import { parseImageManifest, type ImageManifest } from './image-manifest.js';
import { parsePodManifest, type PodManifest } from './pod-manifest.js';
import { ManifestError, fail } from './validation-error.js';

/** Largest manifest text we read (1 MiB); real manifests are a few KiB, so this bounds hostile input. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * JSON text → value, for manifests. Refuses oversize input before decoding, invalid UTF-8 (Go would
 * substitute U+FFFD), and anything JSON.parse refuses (a BOM, trailing garbage, comments).
 */
export function parseManifestJson(input: Uint8Array | string): unknown {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_MANIFEST_BYTES) {
    fail('manifest', `is ${size} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit`);
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : utf8.decode(input);
  } catch (cause) {
    throw new ManifestError('manifest', 'is not valid UTF-8', { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ManifestError('manifest', `is not valid JSON: ${why}`, { cause });
  }
}

export function decodeImageManifest(input: Uint8Array | string): ImageManifest {
  return parseImageManifest(parseManifestJson(input));
}

export function decodePodManifest(input: Uint8Array | string): PodManifest {
  return parsePodManifest(parseManifestJson(input));
}
