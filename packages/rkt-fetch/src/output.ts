import { toShortHash } from '@rkt/appc';
import { formatJson, type OutputFormat } from '@rkt/common';
import type { FetchResult } from './types.js';

/**
 * One result as printed: rkt's `sha512-` + 32 hex (the full 64-hex store key with --full), or in
 * JSON mode one object `{"id","key","name","source"}` (see FetchResult) per image. No newline.
 */
export function formatResult(result: FetchResult, format: OutputFormat, full: boolean): string {
  if (format !== 'text') {
    const { id, key, name, source } = result;
    return formatJson({ id, key, name, source }, format);
  }
  return full ? result.key : toShortHash(result.id);
}
