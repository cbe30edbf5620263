export { messageOf, SignatureError, TrustError, UntrustedKeyError } from './errors.js';
export type { SignatureErrorCode, TrustErrorCode } from './errors.js';
export { formatFingerprint, normalizeKeyRef } from './fingerprint.js';
export { checkImageName, checkPrefix, pathPrefixes, prefixCovers } from './names.js';
export { openpgp, readPublicKeys, summarizeKey } from './pgp.js';
export type { KeySummary } from './pgp.js';

export { keyringScopes, scopeDir } from './keystore/dirs.js';
export type { KeySource, KeystoreDirs, ScopeDir } from './keystore/dirs.js';
export { loadKeyring } from './keystore/keyring.js';
export type { Keyring, TrustedKey } from './keystore/keyring.js';
export { listTrustedKeys } from './keystore/list.js';
export type { ListFilter, TrustedKeyInfo } from './keystore/list.js';
export { storeTrustedKey } from './keystore/store.js';
export { removeTrustedKey, removeTrustedKeyEverywhere } from './keystore/remove.js';
export type { RemovedKey } from './keystore/remove.js';

export { readDetachedSignature } from './verify/signature.js';
export { verifySignature } from './verify/verify-signature.js';
export type { SignerInfo, VerifyOptions } from './verify/verify-signature.js';
export { verifyImage } from './verify/verify-image.js';
export type { ImageSignerInfo } from './verify/verify-image.js';

export { trustKeys } from './trust/trust.js';
export type { KeyCandidate, TrustHooks, TrustOptions, TrustOutcome } from './trust/trust.js';
export { discoverPubkeysUnsupported } from './trust/discovery.js';
export type { DiscoverOptions, DiscoverPubkeys } from './trust/discovery.js';
export { readKeyLocation } from './trust/key-location.js';
export { FingerprintReview, PROMPT } from './trust/review.js';
export type { ReviewStreams } from './trust/review.js';

export { allTrustedKeys } from './keystore/all-keys.js';
export { checkSigner, signerInfo, verifyData } from './verify/verify-signature.js';
export type { SignerCheck } from './verify/verify-signature.js';
export { explainUntrusted } from './verify/verify-image.js';
export { trustedSigner } from './verify/trusted-signer.js';
export { parseDiscoveryMeta } from './discovery/meta.js';
export type { MetaTag } from './discovery/meta.js';
export { discoveryPrefixes, discoveryUrl, pubkeyUris } from './discovery/walk.js';
export { discoverPubkeysByMeta } from './trust/discover-pubkeys.js';
export { describeCandidate, printingHooks } from './trust-output.js';
