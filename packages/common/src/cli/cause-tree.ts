import { isRktError } from '../errors.js';

const MAX_DEPTH = 32;

/**
 * The `cause` chain of `err` (not `err` itself) as an indented tree, one "\n"-terminated line per
 * cause, in the shape rkt prints with --debug:
 *   `  └─open /x: ENOENT` then `    └─…` one level deeper per cause.
 */
export function formatCauseTree(err: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>([err]);
  let cause = causeOf(err);
  for (let depth = 1; cause !== undefined && depth <= MAX_DEPTH; depth++) {
    if (seen.has(cause)) {
      lines.push(`${'  '.repeat(depth)}└─(cycle)`);
      break;
    }
    seen.add(cause);
    lines.push(`${'  '.repeat(depth)}└─${describe(cause)}`);
    cause = causeOf(cause);
  }
  return lines.map((l) => l + '\n').join('');
}

function causeOf(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}

function describe(cause: unknown): string {
  if (isRktError(cause)) return `${cause.message} [${cause.code}]`;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== undefined && !cause.message.includes(code) ? `${cause.message} [${code}]` : cause.message;
  }
  return String(cause);
}
