import { usageError as usage } from './errors.js';
import type { ImageRequest } from './types.js';

/** Flags that take a value, possibly as the next word. */
export const VALUE_FLAGS = new Set([
  '--dir',
  '--system-config',
  '--local-config',
  '--user-config',
  '--insecure-options',
  '--pull-policy',
  '--format',
]);

/** The images in argv order, each with the --signature that follows it (rkt's per-image flag). */
export function imageRequests(args: readonly string[]): ImageRequest[] {
  const requests: ImageRequest[] = [];
  const sign = (file: string | undefined) => {
    const last = requests.at(-1);
    if (file === undefined) throw usage('--signature needs a file');
    if (last === undefined) throw usage('--signature must follow the image it signs');
    if (last.signature !== undefined) throw usage(`more than one --signature for ${last.image}`);
    last.signature = file;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--signature=')) sign(arg.slice('--signature='.length));
    else if (arg === '--signature') sign(args[++i]);
    else if (VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') requests.push({ image: arg });
  }
  return requests;
}
