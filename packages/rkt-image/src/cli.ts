import { emptyConfig, loadConfig, resolveDataDir, runCli } from '@rkt/common';
import { Store } from '@rkt/store';
import { parseCommandLine, subcommandOf } from './command-line.js';
import { runImageCommand } from './commands.js';
import { podHooks } from './pod-hooks.js';

const args = process.argv.slice(2);
let json = false;

async function main(): Promise<number> {
  const { global, command } = await parseCommandLine(args);
  if (command.name === 'help') return 0;
  json = command.name === 'list' && command.format !== 'text';
  // paths.d can only matter when --dir is not given
  const config = global.dir === undefined ? await loadConfig(global) : emptyConfig();
  const dataDir = await resolveDataDir(global.dir, config);
  const store = await Store.open(dataDir);
  try {
    const io = { stdout: process.stdout, stderr: process.stderr };
    return await runImageCommand(command, store, io, command.name === 'gc' ? podHooks(dataDir) : undefined);
  } finally {
    await store.close();
  }
}

// Diagnostics are prefixed with the subcommand, as rkt's are (`rm: ...`, `gc: ...`).
void runCli(subcommandOf(args) ?? 'image', main, { json: () => json });
