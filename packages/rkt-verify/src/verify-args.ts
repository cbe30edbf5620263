import { commandLine } from '@rkt/common/cli';
import { globalOptionsFrom, parseFormat, RktError, type OutputFormat } from '@rkt/common';
import type { KeystoreDirs } from './keystore/dirs.js';

/** What `rkt-verify ...` asks for, from argv. */
export interface VerifyCommand {
  /** A path, or `-` for stdin. */
  file: string;
  signature: string;
  name: string;
  format: OutputFormat;
  dirs: KeystoreDirs;
}

const USAGE = `$0 --name=IMAGE_NAME [--signature=SIG] FILE|-

Verify FILE (or stdin, -) against its detached OpenPGP signature (default FILE.asc; required with -)
using the keys trusted for IMAGE_NAME (rkt trust). Prints the signer on success.`;

/** 'help' when --help was given: yargs has printed the help already. */
export async function parseVerifyArgs(args: readonly string[]): Promise<VerifyCommand | 'help'> {
  const argv = await commandLine('rkt-verify', args)
    .usage(USAGE)
    .options({
      name: { type: 'string', describe: 'image name whose trusted keys apply (required)' },
      signature: {
        type: 'string',
        describe: 'detached signature file, armored or binary (default FILE.asc)',
      },
      format: { type: 'string', default: '', describe: 'output: "" (text), json or json-pretty' },
    })
    .parseAsync();
  if (argv.help === true) return 'help';
  const format = parseFormat(argv.format);
  // Positionals come from argv._ so that a lone "-" (stdin) is kept.
  const [file, ...extra] = argv._.map(String);
  if (file === undefined || extra.length > 0) throw usage('expected exactly one FILE (or - for stdin)');
  if (argv.name === undefined || argv.name === '') {
    throw usage('--name is required: the keys trusted for that image name are used');
  }
  const signature = argv.signature ?? (file === '-' ? undefined : `${file}.asc`);
  if (signature === undefined || signature === '')
    throw usage('reading the data from stdin needs --signature');
  const global = globalOptionsFrom(argv);
  return {
    file,
    signature,
    name: argv.name,
    format,
    dirs: { systemConfig: global.systemConfig, localConfig: global.localConfig },
  };
}

function usage(message: string): RktError {
  return new RktError('USAGE', message, { hint: "Run 'rkt-verify --help' for usage." });
}
