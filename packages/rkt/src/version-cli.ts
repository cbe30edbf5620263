import { commandLine } from '@rkt/common/cli';
import { runCli } from '@rkt/common';
import { formatVersion, versionInfo } from './version.js';

void runCli('version', async () => {
  await commandLine('rkt version', process.argv.slice(2))
    .usage('$0\n\nPrint the version and exit.')
    .parseAsync();
  process.stdout.write(formatVersion(versionInfo()) + '\n');
});
