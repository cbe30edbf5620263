import { isJsonFormat, runCli } from '@rkt/common';
import { listTrustedKeys } from './keystore/list.js';
import { removeTrustedKey, removeTrustedKeyEverywhere } from './keystore/remove.js';
import { parseTrustArgs } from './trust-args.js';
import { describeRemoval, formatKeyList, printingHooks, PROG } from './trust-output.js';
import { discoverPubkeysByMeta } from './trust/discover-pubkeys.js';
import { FingerprintReview } from './trust/review.js';
import { trustKeys } from './trust/trust.js';

let json = false;

async function main(): Promise<number> {
  const cmd = await parseTrustArgs(process.argv.slice(2));
  switch (cmd.kind) {
    case 'help':
      return 0;
    case 'usage':
      process.stderr.write(`${cmd.help}\n`);
      return 254;
    case 'list':
      json = isJsonFormat(cmd.format);
      process.stdout.write(formatKeyList(await listTrustedKeys(cmd.dirs, cmd.filter), cmd.format));
      return 0;
    case 'rm': {
      const removed =
        cmd.scope === 'all'
          ? await removeTrustedKeyEverywhere(cmd.dirs, cmd.ref)
          : [await removeTrustedKey(cmd.dirs, cmd.scope.prefix, cmd.ref)];
      process.stdout.write(removed.map(describeRemoval).join(''));
      return 0;
    }
    case 'add': {
      const review = new FingerprintReview({
        input: process.stdin,
        output: process.stderr,
        interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
      });
      try {
        await trustKeys({
          ...cmd,
          discoverPubkeys: discoverPubkeysByMeta,
          hooks: printingHooks(() => review.confirm(), process.stdout, process.stderr),
        });
      } finally {
        review.close();
      }
      return 0;
    }
  }
}

void runCli(PROG, main, { json: () => json });
