import { RktError, warn } from '@rkt/common';
import {
  FingerprintReview,
  messageOf,
  printingHooks,
  trustKeys,
  TrustError,
  type ReviewStreams,
} from '@rkt/rkt-verify';
import type { FetchContext } from '../context.js';
import { discoverPubkeyUrls } from '../discovery/discover.js';
import { CODES } from '../errors.js';
import type { ImageName } from '../image-name.js';
import { trustedKeys, type TrustedKeys } from './keys.js';

const PROG = 'fetch';

/**
 * rkt's maybeFetchPubKeys: when no key is trusted for the name (root or any prefix of it), the
 * name's `ac-discovery-pubkeys` are offered for trust for the name itself, as rkt did. Shown on the
 * review stream; trusted after a `yes` on a terminal, or without asking with --trust-keys-from-https
 * for https keys. Without a terminal to ask on, the fetch fails with the `rkt trust` advice. A
 * discovery or key download failure is only reported: the signature check then names the signer.
 */
export async function offerDiscoveredKeys(
  ctx: FetchContext,
  image: ImageName,
  keys: TrustedKeys,
): Promise<TrustedKeys> {
  if (keys.keys.length > 0) return keys;
  const http = await ctx.http();
  let locations: string[];
  try {
    locations = await discoverPubkeyUrls(image.name, image.authority, http);
  } catch (e) {
    ctx.opts.debug?.(`no keys discovered for ${image.name}: ${messageOf(e)}`);
    return keys;
  }
  const streams = ctx.opts.review ?? terminalStreams();
  const review = new FingerprintReview(streams);
  const { insecure } = ctx.opts;
  try {
    await trustKeys({
      dirs: keys.dirs,
      prefix: image.name,
      locations,
      skipFingerprintReview: false,
      trustKeysFromHttps: ctx.opts.trustKeysFromHttps ?? false,
      insecureAllowHttp: insecure.has('http') && insecure.has('pubkey'),
      skipTlsVerify: insecure.has('tls') && insecure.has('pubkey'),
      hooks: printingHooks(() => review.confirm(), streams.output, streams.output, PROG),
    });
  } catch (e) {
    if (e instanceof TrustError && e.code === 'NO_TTY') throw reviewNeeded(image, locations);
    if (!(e instanceof TrustError)) throw e;
    warn(PROG, `error adding keys: ${messageOf(e)}`, streams.output);
  } finally {
    review.close();
  }
  return trustedKeys(ctx, image.name);
}

function terminalStreams(): ReviewStreams {
  return {
    input: process.stdin,
    output: process.stderr,
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  };
}

function reviewNeeded(image: ImageName, locations: string[]): RktError {
  const prefix = image.authority === undefined ? image.name : image.name.replace(/^[^/]+/, image.authority);
  return new RktError(
    CODES.keyReview,
    `no key is trusted for ${JSON.stringify(image.name)}; discovery offers ${locations.join(', ')}, ` +
      'but trusting a key takes a fingerprint review, and stdin and stderr are not a terminal',
    {
      hint:
        `To trust the key for ${JSON.stringify(image.name)}, do one of the following:\n` +
        ' - call rkt with --trust-keys-from-https\n' +
        ` - run: rkt trust --prefix=${prefix}`,
    },
  );
}
