import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPodUuid, newPodUuid, readUuidFile, resolvePodUuid, writeUuidFile } from './uuid.js';
import { cleanup, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

function rejects(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('resolvePodUuid', () => {
  it('resolves a unique prefix, case-insensitively, to the full UUID', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a });
    makePod(data, { dir: 'prepared', uuid: UUIDS.b });
    expect(resolvePodUuid(data, '4c4')).toBe(UUIDS.a);
    expect(resolvePodUuid(data, 'D9D04668')).toBe(UUIDS.b);
    expect(resolvePodUuid(data, UUIDS.a.toUpperCase())).toBe(UUIDS.a);
  });

  it('says "no matches found" with the lower-cased argument', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a });
    expect(rejects(() => resolvePodUuid(data, 'DEADBEEF'))).toMatchObject({
      code: 'POD_NOT_FOUND',
      exitCode: 254,
      message: 'no matches found for "deadbeef"',
    });
  });

  it('counts the matches of an ambiguous prefix', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a });
    makePod(data, { dir: 'exited-garbage', uuid: UUIDS.e });
    expect(rejects(() => resolvePodUuid(data, '4c45'))).toMatchObject({
      code: 'POD_AMBIGUOUS',
      exitCode: 254,
      message: 'ambiguous uuid, 2 matches',
    });
    expect(resolvePodUuid(data, '4c453')).toBe(UUIDS.a);
  });

  it('searches prepare, prepared, run and exited-garbage only', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'embryo', uuid: UUIDS.a });
    makePod(data, { dir: 'garbage', uuid: UUIDS.b });
    makePod(data, { dir: 'prepare', uuid: UUIDS.c });
    expect(() => resolvePodUuid(data, '4c')).toThrow('no matches found for "4c"');
    expect(() => resolvePodUuid(data, 'd9')).toThrow('no matches found');
    expect(resolvePodUuid(data, '3a')).toBe(UUIDS.c);
  });

  it('ignores entries that are not pod UUIDs and rejects an empty argument', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: 'not-a-uuid' });
    expect(() => resolvePodUuid(data, 'not')).toThrow('no matches found');
    expect(rejects(() => resolvePodUuid(data, ''))).toMatchObject({ code: 'POD_UUID_INVALID' });
  });

  it('works on a data dir without pods/', () => {
    expect(() => resolvePodUuid(tempDataDir(), 'ab')).toThrow('no matches found for "ab"');
  });
});

describe('uuid files and new UUIDs', () => {
  it('reads a --uuid-file with surrounding whitespace trimmed', () => {
    const file = join(tempDataDir(), 'uuid');
    writeFileSync(file, `\n  ${UUIDS.a}\t\n`);
    expect(readUuidFile(file)).toBe(UUIDS.a);
  });

  it('reports an unreadable --uuid-file', () => {
    const file = join(tempDataDir(), 'missing');
    expect(rejects(() => readUuidFile(file))).toMatchObject({
      code: 'POD_UUID_FILE',
      message: `unable to resolve UUID from file: open ${file}: no such file or directory`,
    });
  });

  it('writes --uuid-file-save as the bare UUID, 0644', () => {
    const file = join(tempDataDir(), 'saved');
    writeUuidFile(file, UUIDS.b);
    expect(readFileSync(file, 'utf8')).toBe(UUIDS.b);
    expect(statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('makes random v4 UUIDs in pod-directory form', () => {
    const a = newPodUuid();
    expect(isPodUuid(a)).toBe(true);
    expect(a[14]).toBe('4');
    expect(newPodUuid()).not.toBe(a);
    expect(isPodUuid(UUIDS.a.toUpperCase())).toBe(false);
  });
});
