import { commandLine } from '@rkt/common/cli';
import { formatJson, isJsonFormat, parseFormat, RktError, runCli, warn } from '@rkt/common';
import type { Compression } from '@rkt/appc';
import { buildImage, type BuildOptions } from './build.js';

const PROG = 'image build';
let json = false;

const list = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String));

async function main(): Promise<number> {
  const argv = await commandLine('rkt image build', process.argv.slice(2))
    .usage(
      "$0 DIR OUT.aci [flags] [-- ARGS...]\n\nBuild an ACI from an image layout (manifest + rootfs/) or a bare rootfs.\nOUT may be - for stdout. With --exec, the words after -- are the app's arguments.",
    )
    .options({
      name: { type: 'string', describe: 'image name (AC identifier), required for a bare rootfs' },
      label: {
        type: 'string',
        array: true,
        describe: 'label NAME=VALUE (repeatable); os and arch default to this host',
      },
      exec: { type: 'string', describe: "the app's executable; arguments follow --" },
      env: { type: 'string', array: true, describe: 'environment variable NAME=VALUE (repeatable)' },
      user: { type: 'string', describe: 'user the app runs as: name, UID or /path (default 0)' },
      group: { type: 'string', describe: 'group the app runs as: name, GID or /path (default 0)' },
      'working-dir': { type: 'string', describe: "the app's working directory" },
      'mount-point': { type: 'string', array: true, describe: 'name=N,path=/P[,readOnly=true] (repeatable)' },
      port: {
        type: 'string',
        array: true,
        describe: 'name=N,protocol=tcp,port=80[,count=1][,socketActivated=false]',
      },
      annotation: { type: 'string', array: true, describe: 'annotation NAME=VALUE (repeatable)' },
      dependency: {
        type: 'string',
        array: true,
        describe: 'NAME[:VERSION][,imageID=ID][,size=N][,LABEL=VALUE]',
      },
      compression: {
        choices: ['gzip', 'none', 'xz', 'bzip2'],
        default: 'gzip',
        describe: 'compression of the output',
      },
      overwrite: { type: 'boolean', default: false, describe: 'replace OUT if it exists' },
      format: { type: 'string', default: '', describe: 'output: "" (the image ID), json or json-pretty' },
    })
    .parseAsync();

  if (argv.help === true) return 0; // yargs has printed the help
  // Positionals come from argv._ because yargs reads a lone "-" (stdout) as an empty flag.
  const [dir, out, ...extra] = argv._.map(String);
  if (dir === undefined || out === undefined || extra.length > 0) {
    throw new RktError('USAGE', 'expected exactly two arguments: DIR and OUT.aci (or - for stdout)', {
      hint: "Run 'rkt image build --help' for usage.",
    });
  }
  const format = parseFormat(argv.format);
  json = isJsonFormat(format);
  const args = list(argv['--']);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const opts: BuildOptions = {
    source: dir,
    output: out,
    compression: argv.compression as Compression,
    overwrite: argv.overwrite,
    labels: list(argv.label),
    env: list(argv.env),
    mountPoints: list(argv['mount-point']),
    ports: list(argv.port),
    annotations: list(argv.annotation),
    dependencies: list(argv.dependency),
    warn: (m) => warn(PROG, m),
    ...(argv.name === undefined ? {} : { name: argv.name }),
    ...(argv.exec === undefined ? {} : { exec: [argv.exec, ...args] }),
    ...(argv.user === undefined ? {} : { user: argv.user }),
    ...(argv.group === undefined ? {} : { group: argv.group }),
    ...(argv['working-dir'] === undefined ? {} : { workingDir: argv['working-dir'] }),
    ...(epoch === undefined || epoch === '' ? {} : { sourceDateEpoch: Number(epoch) }),
  };
  if (args.length > 0 && argv.exec === undefined) warn(PROG, 'arguments after -- are ignored without --exec');
  const result = await buildImage(opts);
  if (opts.output === '-') return 0;
  if (isJsonFormat(format)) {
    const { imageId, output, tarSize, entries, manifest } = result;
    process.stdout.write(
      formatJson({ id: imageId, path: output, size: tarSize, entries, manifest }, format) + '\n',
    );
  } else {
    process.stdout.write(result.imageId + '\n');
  }
  return 0;
}

void runCli(PROG, main, { json: () => json });
