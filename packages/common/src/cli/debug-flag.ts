const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Whether --debug is set in raw argv (before a `--`), for errors raised before the flags are parsed.
 * Values follow Go's ParseBool; a bare `--debug` is true; the last occurrence wins.
 */
export function debugFromArgv(argv: readonly string[]): boolean {
  let debug = false;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--debug') debug = true;
    else if (arg.startsWith('--debug=')) debug = TRUE.has(arg.slice('--debug='.length));
  }
  return debug;
}
