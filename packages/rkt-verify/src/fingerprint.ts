/** Key file names in the store: a v4 (40 hex) or v6 (64 hex) fingerprint, lowercase. */
export const FINGERPRINT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * rkt's display form: upper-case groups of 4 hex digits separated by a space, with two spaces in the
 * middle: `8B86 DE38 890D DB72 9186  7B02 5210 BD88 8818 2190`.
 */
export function formatFingerprint(hex: string): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? [];
  const middle = groups.length / 2;
  return groups.map((g, i) => (i === 0 ? g : i === middle ? `  ${g}` : ` ${g}`)).join('');
}

/** A fingerprint or long key ID as a user may type it (spaces, `0x`, any case) to lowercase hex. */
export function normalizeKeyRef(input: string): string | undefined {
  const hex = input.replace(/\s+/g, '').replace(/^0x/i, '').toLowerCase();
  return /^(?:[0-9a-f]{16}|[0-9a-f]{40}|[0-9a-f]{64})$/.test(hex) ? hex : undefined;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
