import { loadConfig, resolveDataDir, runCli, warn, type RktConfig } from '@rkt/common';
import { fetchImages } from './fetch.js';
import { httpSettingsFromEnv } from './http/settings.js';
import { formatResult } from './output.js';
import { terminalProgress } from './progress.js';
import { quickParse } from './quick-argv.js';

const PROG = 'fetch';
let json = false;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const cmd = quickParse(args) ?? (await (await import('./argv.js')).parseFetchArgs(args));
  if (cmd === undefined) return 0;
  json = cmd.format !== 'text';
  for (const message of cmd.warnings) warn(PROG, message);
  const { globals } = cmd;
  const config = memo(() => loadConfig(globals));
  const dir = await resolveDataDir(globals.dir, globals.dir === undefined ? await config() : { paths: {} });
  const progress = terminalProgress();
  await fetchImages(cmd.requests, {
    dir,
    pullPolicy: cmd.pullPolicy,
    insecure: globals.insecureOptions,
    keystore: { systemConfig: globals.systemConfig, localConfig: globals.localConfig },
    trustKeysFromHttps: globals.trustKeysFromHttps,
    auth: async () => (await config()).authPerHost,
    http: httpSettingsFromEnv(),
    ...(progress === undefined ? {} : { progress }),
    ...(globals.debug ? { debug: (m: string) => warn(PROG, m) } : {}),
    onResult: (result) => process.stdout.write(formatResult(result, cmd.format, cmd.full) + '\n'),
  });
  return 0;
}

function memo(load: () => Promise<RktConfig>): () => Promise<RktConfig> {
  let loaded: Promise<RktConfig> | undefined;
  return () => (loaded ??= load());
}

void runCli(PROG, main, { json: () => json });
