import { describe, expect, it } from 'vitest';
import { describeCandidate, describeRemoval, formatKeyList, printingHooks } from './trust-output.js';
import type { KeyCandidate } from './trust/trust.js';

const FPR = '8b86de38890ddb7291867b025210bd8888182190';
const SUB = '1111222233334444555566667777888899990000';
const candidate: KeyCandidate = {
  location: 'https://example.com/k.asc',
  prefix: 'example.com',
  keys: [
    {
      fingerprint: FPR,
      keyId: '5210bd8888182190',
      userIds: ['Ex <ex@example.com>'],
      subkeyFingerprints: [SUB],
      keyIds: [],
    },
  ],
  problems: [],
};

const sink = () => {
  const s = { text: '', write: (c: string) => (s.text += c) };
  return s;
};

describe('trust output', () => {
  it('shows a key as rkt does', () => {
    expect(describeCandidate(candidate)).toBe(
      'prefix: "example.com"\n' +
        'key: "https://example.com/k.asc"\n' +
        'gpg key fingerprint is: 8B86 DE38 890D DB72 9186  7B02 5210 BD88 8818 2190\n' +
        '    Subkey fingerprint: 1111 2222 3333 4444 5555  6666 7777 8888 9999 0000\n' +
        '\tEx <ex@example.com>\n',
    );
    expect(describeCandidate({ ...candidate, prefix: undefined })).toMatch(/^prefix: ""\n/);
  });

  it("prints rkt's result lines on stdout", () => {
    const out = sink();
    const err = sink();
    const hooks = printingHooks(async () => true, out, err);
    hooks.accepted(candidate, true);
    hooks.stored(candidate, '/l/trustedkeys/prefix.d/example.com/' + FPR);
    hooks.accepted({ ...candidate, prefix: undefined }, false);
    hooks.stored({ ...candidate, prefix: undefined }, '/l/trustedkeys/root.d/' + FPR);
    hooks.declined(candidate);
    expect(out.text).toBe(
      'Trusting "https://example.com/k.asc" for prefix "example.com" after fingerprint review.\n' +
        `Added key for prefix "example.com" at "/l/trustedkeys/prefix.d/example.com/${FPR}"\n` +
        'Trusting "https://example.com/k.asc" for prefix "" without fingerprint review.\n' +
        `Added root key at "/l/trustedkeys/root.d/${FPR}"\n`,
    );
    expect(err.text).toBe('trust: not trusting "https://example.com/k.asc"\n');
  });

  it('lists keys as a table or JSON', () => {
    const keys = [
      { ...candidate.keys[0]!, prefix: undefined, source: 'system' as const, path: '/s/x' },
      { ...candidate.keys[0]!, prefix: 'example.com', source: 'local' as const, path: '/l/x' },
    ];
    expect(formatKeyList(keys, 'text')).toBe(
      'PREFIX\t\tFINGERPRINT\t\t\t\t\tUSER IDS\t\tSOURCE\n' +
        `(root)\t\t${FPR}\tEx <ex@example.com>\tsystem\n` +
        `example.com\t${FPR}\tEx <ex@example.com>\tlocal\n`,
    );
    const json = JSON.parse(formatKeyList(keys, 'json')) as unknown[];
    expect(json).toEqual([
      {
        root: true,
        fingerprint: FPR,
        userIds: ['Ex <ex@example.com>'],
        subkeyFingerprints: [SUB],
        source: 'system',
        path: '/s/x',
      },
      {
        prefix: 'example.com',
        fingerprint: FPR,
        userIds: ['Ex <ex@example.com>'],
        subkeyFingerprints: [SUB],
        source: 'local',
        path: '/l/x',
      },
    ]);
  });

  it('describes a removal and a mask', () => {
    expect(
      describeRemoval({
        fingerprint: FPR,
        prefix: 'a.com',
        removed: '/l/f',
        masked: undefined,
        systemPath: undefined,
      }),
    ).toBe('Removed key for prefix "a.com" at "/l/f"\n');
    expect(
      describeRemoval({
        fingerprint: FPR,
        prefix: undefined,
        removed: undefined,
        masked: '/l/m',
        systemPath: '/s/f',
      }),
    ).toBe(
      'Masked system root key 8B86 DE38 890D DB72 9186  7B02 5210 BD88 8818 2190 ("/s/f") with an empty file at "/l/m"\n',
    );
  });
});
