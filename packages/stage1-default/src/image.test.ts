import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cgroupPath, containerId, isPlanFormat, OCI_V1, readStage1Info } from '@rkt/stage1';
import { describe, expect, it } from 'vitest';
import spec from '../stage1.json' with { type: 'json' };
import { STAGE1_DEFAULT_ANNOTATIONS, STAGE1_DEFAULT_NAME } from './index.js';

const here = import.meta.dirname;
const script = (name: string): string => readFileSync(join(here, '..', name), 'utf8');

describe('the stage1-default image spec', () => {
  it('declares the stage1 ABI: entrypoints, interface version 5, plan format oci-v1', () => {
    const info = readStage1Info({
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: STAGE1_DEFAULT_NAME,
      annotations: Object.entries(STAGE1_DEFAULT_ANNOTATIONS).map(([name, value]) => ({ name, value })),
    });
    expect(info).toMatchObject({
      name: 'coreos.com/rkt/stage1-default',
      interfaceVersion: 5,
      entrypoints: { run: '/run', enter: '/enter', gc: '/gc', stop: '/stop' },
      planFormat: 'oci-v1',
      supportsMutable: false,
    });
    expect(isPlanFormat(info.planFormat)).toBe(true);
    for (const ep of Object.values(info.entrypoints))
      expect(Object.keys(spec.scripts)).toContain(ep.slice(1));
  });

  it.each(Object.entries(spec.scripts))('%s is POSIX sh that dash parses', (_, src) => {
    expect(() => execFileSync('dash', ['-n', join(here, '..', src)])).not.toThrow();
  });

  it('names containers, cgroups and bundles the way the planner writes them', () => {
    const uuid = 'U';
    const run = script('src/run.sh');
    const lib = script('src/lib.sh');
    expect(containerId.pause(uuid)).toBe('U_pause');
    expect(run).toContain('pause=${uuid}_pause');
    expect(containerId.app(uuid, 'a')).toBe('U-a');
    expect(run).toContain('"$uuid-$a"');
    expect(containerId.handler(uuid, 'a', 'pre-start')).toBe('U-a_pre-start');
    expect(run).toContain('"$uuid-${a}_pre-start"');
    expect(cgroupPath.pod(uuid)).toBe('/rkt/U');
    expect(lib).toContain('/sys/fs/cgroup/*/rkt/"$POD_UUID"');
    expect(OCI_V1.pauseBundle).toBe('stage1/rootfs/rkt/oci/pause/private-net');
    expect(run).toContain('bundle=$OCI/pause/private-net');
    expect(OCI_V1.appBundle('a')).toBe('stage1/rootfs/rkt/oci/apps/a');
    expect(run).toContain('"$OCI/apps/$a"');
    expect(script('src/patch.sh')).toContain(`up=${OCI_V1.bundleToPod}\n`);
  });
});
