import { afterEach, describe, expect, it } from 'vitest';
import { podManifestText } from './cat-manifest.js';
import { cleanup, IMAGE_ID, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

describe('podManifestText', () => {
  it('re-marshals the manifest as Go does: unset lists are null', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: UUIDS.a, apps: ['busybox'] });
    expect(podManifestText(data, UUIDS.a, false)).toBe(
      '{"acVersion":"1.30.0","acKind":"PodManifest","apps":[{"name":"busybox","image":{"name":"example.com/busybox",' +
        `"id":"${IMAGE_ID}"}}],"volumes":null,"isolators":null,"annotations":null,"ports":null}`,
    );
  });

  it('pretty-prints with tabs', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['busybox'] });
    expect(podManifestText(data, UUIDS.a, true)).toMatch(/^\{\n\t"acVersion": "1.30.0",\n\t"acKind"/);
  });

  it('fails for a pod without a readable manifest', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepare', uuid: UUIDS.a });
    expect(() => podManifestText(data, UUIDS.a, true)).toThrow(/^cannot read the pod manifest: /);
    expect(() => podManifestText(data, UUIDS.b, true)).toThrow(`pod "${UUIDS.b}" was not present`);
  });
});
