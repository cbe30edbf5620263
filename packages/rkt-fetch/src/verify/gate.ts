import { PassThrough, type Writable } from 'node:stream';
import type { ImageManifest } from '@rkt/appc';
import {
  checkSigner,
  explainUntrusted,
  loadKeyring,
  trustedSigner,
  UntrustedKeyError,
  verifyData,
  type SignerCheck,
} from '@rkt/rkt-verify';
import { signatureError, unknownSigner } from './errors.js';
import type { TrustedKeys } from './keys.js';

/** How a detached signature gates one import into the store (see importInto). */
export interface SignatureGate {
  /** gets the image bytes as they stream into the store; undefined when there is nothing to hash */
  sink: Writable | undefined;
  /** awaited after the archive was read and before it becomes visible; throws to keep it out */
  beforeCommit(manifest: ImageManifest): Promise<void>;
  /** the import failed: stop verifying */
  abort(): void;
}

export interface GateInput {
  signature: Uint8Array;
  keys: TrustedKeys;
  /** the image as the user gave it (path or URL), for messages */
  source: string;
  /**
   * For an unknown signer, wait for the manifest so the error can name the prefix to trust (a local
   * file costs nothing to read); else fail now, before any image byte is fetched.
   */
  explainLater?: boolean;
}

/**
 * Checks the signature and its signer before any image byte (a signer unknown to the keyring fails
 * here), then verifies the bytes fed to `sink`. With no keyring yet (file and URL images) the
 * signature is checked against every trusted key and, once the manifest names the image, the
 * signer must be trusted for that name.
 */
export async function openGate(input: GateInput): Promise<SignatureGate> {
  const { keyring, keys, dirs } = input.keys;
  let check: SignerCheck;
  try {
    check = await checkSigner(input.signature, keys);
  } catch (e) {
    if (!(e instanceof UntrustedKeyError)) throw signatureError(e, input.source);
    if (keyring !== undefined) throw await explainUntrusted(e, keyring);
    if (!input.explainLater) throw unknownSigner(e, input.source);
    return {
      sink: undefined,
      beforeCommit: async (manifest) => {
        throw await explainUntrusted(e, await loadKeyring(dirs, manifest.name));
      },
      abort: () => undefined,
    };
  }
  const sink = new PassThrough();
  const verified = verifyData(check, sink);
  verified.catch(() => sink.destroy());
  return {
    sink,
    beforeCommit: async (manifest) => {
      await verified.catch((e: unknown) => {
        throw signatureError(e, input.source);
      });
      await trustedSigner(keyring ?? (await loadKeyring(dirs, manifest.name)), check).catch((e: unknown) => {
        throw signatureError(e, input.source);
      });
    },
    abort: () => sink.destroy(),
  };
}
