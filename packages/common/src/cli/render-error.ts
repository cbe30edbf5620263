import { EXIT_ENGINE_FAILURE, isRktError } from '../errors.js';
import { formatJson } from '../output/json.js';
import { formatCauseTree } from './cause-tree.js';

export interface RenderErrorOptions {
  /** Add the cause chain (RktError) as a tree. */
  debug: boolean;
  /** JSON output mode: also put the error on stdout as one JSON object (see below). */
  json: boolean;
}

export interface RenderedError {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The stable `code` reported for an error that is not an RktError (a bug). */
export const INTERNAL_ERROR_CODE = 'INTERNAL';

/**
 * What the CLI prints for an error that reached the top.
 * - RktError: stderr `<prog>: <message>`, with --debug the cause tree, then the hint on its own line;
 *   exit = err.exitCode.
 * - Anything else is a bug: the stack (and cause tree), then `<prog>: this is a bug, please report it`;
 *   exit 254.
 * JSON mode rule: stderr stays exactly as above (humans and logs see the same text), and stdout gets
 * one line `{"error":{"code":…,"message":…,"hint":…}}` (hint omitted when absent), so a consumer of
 * stdout always receives JSON, whether the command succeeded or not.
 */
export function renderError(prog: string, err: unknown, options: RenderErrorOptions): RenderedError {
  if (isRktError(err)) {
    const tree = options.debug ? formatCauseTree(err) : '';
    const hint = err.hint === undefined ? '' : `${err.hint}\n`;
    return {
      stderr: `${prog}: ${err.message}\n${tree}${hint}`,
      stdout: options.json ? jsonLine(err.code, err.message, err.hint) : '',
      exitCode: err.exitCode,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const detail =
    err instanceof Error ? `${err.stack ?? String(err)}\n${formatCauseTree(err)}` : `${String(err)}\n`;
  return {
    stderr: `${prog}: ${detail}${prog}: this is a bug, please report it\n`,
    stdout: options.json ? jsonLine(INTERNAL_ERROR_CODE, message, undefined) : '',
    exitCode: EXIT_ENGINE_FAILURE,
  };
}

function jsonLine(code: string, message: string, hint: string | undefined): string {
  return formatJson({ error: { code, message, hint } }, 'json') + '\n';
}
