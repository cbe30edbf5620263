import yargs, { type Argv } from 'yargs';
import { RktError } from '../errors.js';
import { addGlobalFlags, type GlobalFlagsArgv } from '../flags/global-flags.js';

/**
 * The yargs setup every rkt binary shares: rkt's global flags, unknown flags rejected (binaries with
 * subcommands add strictCommands()), parse errors as RktError (exit 254, like cobra's flag errors in
 * rkt), no implicit --version, and the words after `--` kept apart in `argv['--']` (rkt passes them
 * to the app).
 */
export function commandLine(prog: string, args: readonly string[]): Argv<GlobalFlagsArgv> {
  return addGlobalFlags(
    yargs([...args])
      .scriptName(prog)
      .parserConfiguration({ 'populate--': true, 'camel-case-expansion': false, 'boolean-negation': false })
      .strictOptions()
      .version(false)
      .help('help')
      .alias('help', 'h')
      .wrap(Math.min(110, process.stdout.columns || 110))
      .exitProcess(false)
      .fail((message, error) => {
        if (error instanceof RktError) throw error;
        throw new RktError('USAGE', message || error?.message || 'invalid command line', {
          hint: `Run '${prog} --help' for usage.`,
        });
      }),
  );
}
