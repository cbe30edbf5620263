import { describe, expect, it } from 'vitest';
import { formatVersion, RKT_VERSION, versionInfo } from './version.js';

describe('version', () => {
  it('reports a SemVer rkt version and the appc spec version', () => {
    expect(RKT_VERSION).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(versionInfo()).toMatchObject({ rkt: RKT_VERSION, appc: '0.8.11', node: process.version });
  });

  it('formats the lines in rkt order', () => {
    const text = formatVersion({
      rkt: '1.2.3',
      appc: '0.8.11',
      node: 'v20.1.0',
      os: 'linux',
      arch: 'amd64',
      features: ['-TPM', '+X'],
    });
    expect(text).toBe(
      'rkt Version: 1.2.3\nappc Version: 0.8.11\nNode Version: v20.1.0\nNode OS/Arch: linux/amd64\nFeatures: -TPM +X',
    );
  });
});
