import { formatJson, isJsonFormat, type OutputFormat } from '@rkt/common';
import { formatFingerprint } from './fingerprint.js';
import type { ImageSignerInfo } from './verify/verify-image.js';

/** rkt-verify's report of a good signature: text lines, or one JSON object. */
export function formatSigner(s: ImageSignerInfo, format: OutputFormat): string {
  if (isJsonFormat(format)) {
    const trust = s.trust.prefix === undefined ? { root: true } : { prefix: s.trust.prefix };
    return (
      formatJson(
        {
          name: s.imageName,
          fingerprint: s.fingerprint,
          keyId: s.keyId,
          signingKeyFingerprint: s.signingKeyFingerprint,
          userIds: s.userIds,
          created: s.created?.toISOString(),
          trust: { ...trust, source: s.trust.source },
        },
        format,
      ) + '\n'
    );
  }
  const lines = [
    `signature verified for ${JSON.stringify(s.imageName)}`,
    `  key fingerprint: ${formatFingerprint(s.fingerprint)}`,
  ];
  if (s.signingKeyFingerprint !== s.fingerprint) {
    lines.push(`  signing subkey: ${formatFingerprint(s.signingKeyFingerprint)}`);
  }
  for (const id of s.userIds) lines.push(`  user ID: ${id}`);
  const scope = s.trust.prefix === undefined ? 'root key' : `prefix ${JSON.stringify(s.trust.prefix)}`;
  lines.push(`  trusted as: ${scope} (${s.trust.source})`);
  return lines.map((l) => `${l}\n`).join('');
}
