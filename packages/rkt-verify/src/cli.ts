import { isJsonFormat, runCli } from '@rkt/common';
import { loadKeyring } from './keystore/keyring.js';
import { parseVerifyArgs } from './verify-args.js';
import { openInput, readSignatureFile } from './verify-io.js';
import { formatSigner } from './verify-output.js';
import { verifyImage } from './verify/verify-image.js';

let json = false;

async function main(): Promise<number> {
  const cmd = await parseVerifyArgs(process.argv.slice(2));
  if (cmd === 'help') return 0;
  json = isJsonFormat(cmd.format);
  const signature = await readSignatureFile(cmd.signature);
  const keyring = await loadKeyring(cmd.dirs, cmd.name);
  const input = await openInput(cmd.file);
  try {
    process.stdout.write(formatSigner(await verifyImage(input, signature, keyring), cmd.format));
  } finally {
    if (input !== process.stdin) input.destroy();
  }
  return 0;
}

void runCli('verify', main, { json: () => json });
