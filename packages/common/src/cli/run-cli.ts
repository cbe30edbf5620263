import { debugFromArgv } from './debug-flag.js';
import { guardEpipe, isEpipe } from './epipe.js';
import { renderError } from './render-error.js';
import type { TextSink } from './streams.js';

export interface RunCliOptions {
  /** Print cause trees. Default: --debug found in `argv`. */
  debug?: boolean;
  /** JSON output mode (e.g. --format=json was given). A function is asked only when an error occurs,
   *  so main can decide after parsing its flags. */
  json?: boolean | (() => boolean);
  /** Default: process.argv.slice(2). */
  argv?: readonly string[];
  /** Default: process.stdout, guarded against EPIPE. */
  stdout?: TextSink;
  /** Default: process.stderr. */
  stderr?: TextSink;
  /** Default: sets process.exitCode. Never process.exit(), so pending stdout writes drain. */
  setExitCode?: (code: number) => void;
}

/**
 * The top-level handler of every binary: runs `main`, whose number (or 0) is the exit status, and
 * turns a thrown error into rkt-style output (see renderError). Resolves to the exit status.
 */
export async function runCli(
  prog: string,
  main: () => Promise<number | void>,
  options: RunCliOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const setExitCode =
    options.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  if (options.stdout === undefined) guardEpipe(process.stdout);

  let code: number;
  try {
    code = (await main()) ?? 0;
  } catch (err) {
    code = isEpipe(err) ? 0 : report(prog, err, options, stdout, stderr);
  }
  setExitCode(code);
  return code;
}

function report(
  prog: string,
  err: unknown,
  options: RunCliOptions,
  stdout: TextSink,
  stderr: TextSink,
): number {
  const debug = options.debug ?? debugFromArgv(options.argv ?? process.argv.slice(2));
  const json = typeof options.json === 'function' ? options.json() : (options.json ?? false);
  const rendered = renderError(prog, err, { debug, json });
  if (rendered.stdout) stdout.write(rendered.stdout);
  stderr.write(rendered.stderr);
  return rendered.exitCode;
}
