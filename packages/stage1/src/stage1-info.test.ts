import type { ImageManifest } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { readStage1Info } from './stage1-info.js';

const manifest = (annotations: Record<string, string>): ImageManifest => ({
  acKind: 'ImageManifest',
  acVersion: '0.8.11',
  name: 'example.com/stage1',
  labels: [{ name: 'version', value: '1.2.3' }],
  annotations: Object.entries(annotations).map(([name, value]) => ({ name, value })),
});

describe('readStage1Info', () => {
  it('reads the fly manifest: entrypoints, interface version, plan format', () => {
    const info = readStage1Info(
      manifest({
        'coreos.com/rkt/stage1/run': '/run',
        'coreos.com/rkt/stage1/enter': '/enter',
        'coreos.com/rkt/stage1/gc': '/gc',
        'coreos.com/rkt/stage1/stop': '/stop',
        'coreos.com/rkt/stage1/interface-version': '5',
        'rkt-ts.io/stage1/plan-format': 'sh-v1',
      }),
    );
    expect(info).toEqual({
      name: 'example.com/stage1',
      version: '1.2.3',
      interfaceVersion: 5,
      entrypoints: { run: '/run', enter: '/enter', gc: '/gc', stop: '/stop' },
      planFormat: 'sh-v1',
      supportsMutable: false,
    });
  });

  it('defaults the interface version to 1 and knows mutable stage1s by their app entrypoints', () => {
    const info = readStage1Info(
      manifest({
        'coreos.com/rkt/stage1/run': '/init',
        'coreos.com/rkt/stage1/app/rm': '/app_rm',
        'coreos.com/rkt/stage1/app/start': '/app_start',
        'coreos.com/rkt/stage1/app/stop': '/app_stop',
      }),
    );
    expect(info.interfaceVersion).toBe(1);
    expect(info.planFormat).toBeUndefined();
    expect(info.supportsMutable).toBe(true);
    expect(info.entrypoints).toEqual({
      run: '/init',
      appRm: '/app_rm',
      appStart: '/app_start',
      appStop: '/app_stop',
    });
  });

  it.each([
    [{}, /no coreos.com\/rkt\/stage1\/run annotation/],
    [
      { 'coreos.com/rkt/stage1/run': '/run', 'coreos.com/rkt/stage1/interface-version': 'five' },
      /positive integer/,
    ],
    [
      { 'coreos.com/rkt/stage1/run': '/run', 'coreos.com/rkt/stage1/interface-version': '0' },
      /positive integer/,
    ],
  ])('refuses %j', (annotations, message) => {
    expect(() => readStage1Info(manifest(annotations))).toThrow(message);
    expect(() => readStage1Info(manifest(annotations))).toThrow(
      expect.objectContaining({ code: 'STAGE1_INVALID', exitCode: 254 }),
    );
  });
});
