import { describe, expect, it } from 'vitest';
import { appcArch, parseImageName, showImageName, withDefaultLabels } from './image-name.js';

describe('parseImageName', () => {
  it('parses name, version and labels in order', () => {
    expect(parseImageName('example.com/app:1.2,os=linux,channel=beta')).toEqual({
      name: 'example.com/app',
      labels: [
        { name: 'version', value: '1.2' },
        { name: 'os', value: 'linux' },
        { name: 'channel', value: 'beta' },
      ],
    });
  });

  it.each([
    ['a,b=c:1', 'colon may appear only right after the app name'],
    ['a:1:2', 'colon may appear at most once'],
    ['Example.com/app', 'not a valid AC identifier'],
    ['a,version=1,version=2', 'given more than once'],
    ['a:1,version=2', 'given more than once'],
    ['a,name=b', 'not a valid label name'],
    ['', 'not a valid AC identifier'],
  ])('rejects %j', (input, reason) => {
    expect(() => parseImageName(input)).toThrow(reason);
  });

  it('takes host:port/ as the discovery authority, not part of the name', () => {
    expect(parseImageName('127.0.0.1:41234/a/b,arch=amd64')).toEqual({
      name: '127.0.0.1/a/b',
      labels: [{ name: 'arch', value: 'amd64' }],
      authority: '127.0.0.1:41234',
    });
  });
});

describe('withDefaultLabels', () => {
  it('adds os and arch when absent', () => {
    expect(
      withDefaultLabels({ name: 'a', labels: [{ name: 'version', value: '1' }] }, 'aarch64').labels,
    ).toEqual([
      { name: 'version', value: '1' },
      { name: 'os', value: 'linux' },
      { name: 'arch', value: 'aarch64' },
    ]);
  });

  it('keeps given values and checks the pair', () => {
    const image = { name: 'a', labels: [{ name: 'arch', value: 'i386' }] };
    expect(withDefaultLabels(image, 'amd64').labels).toContainEqual({ name: 'arch', value: 'i386' });
    expect(() => withDefaultLabels({ name: 'a', labels: [{ name: 'arch', value: 'z80' }] })).toThrow(
      'bad arch',
    );
  });

  it('maps Node architectures to appc names', () => {
    expect(['x64', 'arm64', 'ia32', 'arm', 's390x'].map((a) => appcArch(a))).toEqual([
      'amd64',
      'aarch64',
      'i386',
      'armv7l',
      's390x',
    ]);
  });
});

describe('showImageName', () => {
  it('writes the version after a colon', () => {
    const image = parseImageName('a.com/b,os=linux,version=3');
    expect(showImageName(image)).toBe('a.com/b:3,os=linux');
  });
});
