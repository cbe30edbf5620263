import { readUuidFile } from '@rkt/pod';
import { podManifestText } from './cat-manifest.js';
import { podsMain } from './cli-main.js';
import { CAT_MANIFEST } from './defs.js';
import { boolFlag, flag } from './flags.js';
import { resolvePod } from './pod-args.js';

podsMain(CAT_MANIFEST, (ctx, io) => {
  const uuidFile = flag(ctx.parsed, 'uuid-file');
  // rkt: --uuid-file wins over arguments here; an unreadable one is a plain error (254)
  const arg =
    uuidFile !== '' ? readUuidFile(uuidFile) : ctx.parsed.args.length === 1 ? ctx.parsed.args[0] : undefined;
  if (arg === undefined) return 'usage';
  const uuid = resolvePod(ctx.dataDir, arg, 'problem retrieving pod');
  io.stdout.write(podManifestText(ctx.dataDir, uuid, boolFlag(ctx.parsed, 'pretty-print')) + '\n');
  return 0;
});
