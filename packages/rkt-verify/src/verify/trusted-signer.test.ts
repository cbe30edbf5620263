import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTrustedKeys } from '../keystore/all-keys.js';
import { loadKeyring } from '../keystore/keyring.js';
import { storeTrustedKey } from '../keystore/store.js';
import { makeKey, sign, useKeystores, type TestKey } from '../test-keys.js';
import { trustedSigner } from './trusted-signer.js';
import { checkSigner, verifyData } from './verify-signature.js';

const keystores = useKeystores();
const data = new TextEncoder().encode('an image whose name comes later');
let alice: TestKey;

beforeAll(async () => {
  alice = await makeKey('Alice');
});

describe('checking before the name, trusting after it', () => {
  it('verifies against every trusted key, then asks the keyring of the name', async () => {
    const dirs = await keystores();
    await storeTrustedKey(dirs, 'example.com/app', alice.pub);
    const keys = await allTrustedKeys(dirs);
    expect(keys.map((k) => k.getFingerprint())).toEqual([alice.fingerprint]);
    const check = await checkSigner(await sign(data, alice.priv), keys);
    await verifyData(check, Readable.from([data]));
    const ok = await trustedSigner(await loadKeyring(dirs, 'example.com/app/x'), check);
    expect(ok).toMatchObject({ imageName: 'example.com/app/x', trust: { prefix: 'example.com/app' } });
    await expect(trustedSigner(await loadKeyring(dirs, 'example.com/other'), check)).rejects.toMatchObject({
      code: 'SIGNATURE_KEY_OTHER_PREFIX',
      hint: 'To trust it for "example.com/other" too, run: rkt trust --prefix=example.com/other <keyfile>',
    });
  });

  it('finds no key in an empty store', async () => {
    expect(await allTrustedKeys(await keystores())).toEqual([]);
  });
});
