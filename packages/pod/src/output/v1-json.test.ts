import { describe, expect, it } from 'vitest';
import { IMAGE_ID, UUIDS } from '../testing.js';
import { app, FLY_POD, HOST_POD, pod } from './fixtures.js';
import { podListJson, podToV1Json } from './v1-json.js';

describe('v1 JSON (rkt-observed §7)', () => {
  it('prints the observed list: pod times in seconds, app times in nanoseconds, exit_code only where known', () => {
    expect(podListJson([HOST_POD, FLY_POD], 'json')).toBe(
      `[{"name":"${UUIDS.a}","state":"exited","app_names":["busybox"],` +
        `"apps":[{"name":"busybox","state":"exited","created_at":1795890678141622545,"started_at":1795890678694496284,"exit_code":7,"image_id":"${IMAGE_ID}"}],` +
        `"created_at":1795890678,"started_at":1795890678},` +
        `{"name":"${UUIDS.b}","state":"exited","app_names":["busybox"],` +
        `"apps":[{"name":"busybox","state":"exited","created_at":1795890676420880250,"started_at":1795890676429365740,"image_id":"${IMAGE_ID}"}],` +
        `"created_at":1795890676,"started_at":1795890676}]`,
    );
  });

  it('no pods is null', () => {
    expect(podListJson([], 'json')).toBe('null');
    expect(podListJson([], 'json-pretty')).toBe('null');
  });

  it('json-pretty indents with tabs', () => {
    expect(podListJson([pod({ apps: [] })], 'json-pretty')).toBe(
      `[\n\t{\n\t\t"name": "${UUIDS.a}",\n\t\t"state": "exited"\n\t}\n]`,
    );
  });

  it('omits what is absent; exit code 0 is kept', () => {
    const prepared = pod({
      state: 'prepared',
      createdAt: 5_000_000_000n,
      apps: [app({ state: 'created', exitCode: 0 })],
    });
    expect(podToV1Json(prepared)).toEqual({
      name: UUIDS.a,
      state: 'prepared',
      app_names: ['busybox'],
      apps: [{ name: 'busybox', state: 'created', exit_code: 0, image_id: IMAGE_ID }],
      created_at: 5,
    });
  });

  it('networks, finished_at, mounts and sorted user annotations/labels in Go order', () => {
    const full = pod({
      state: 'exited garbage',
      networks: [
        {
          netName: 'default',
          netConf: 'c',
          pluginPath: 'p',
          ifName: 'eth0',
          ip: '1.2.3.4',
          args: '',
          mask: 'm',
        },
      ],
      manifest: {
        acKind: 'PodManifest',
        apps: [],
        userAnnotations: { z: '1', a: '2' },
        userLabels: { k: 'v' },
      },
      apps: [
        app({
          finishedAt: 3n,
          mounts: [{ name: 'data', containerPath: '/d', hostPath: '/srv', readOnly: true }],
          userLabels: { b: '1', a: '2' },
        }),
      ],
    });
    expect(podListJson([full], 'json')).toBe(
      `[{"name":"${UUIDS.a}","state":"exited garbage",` +
        '"networks":[{"netName":"default","netConf":"c","pluginPath":"p","ifName":"eth0","ip":"1.2.3.4","args":"","mask":"m"}],' +
        '"app_names":["busybox"],"apps":[{"name":"busybox","state":"exited","finished_at":3,' +
        `"image_id":"${IMAGE_ID}","mounts":[{"name":"data","container_path":"/d","host_path":"/srv","read_only":true}],` +
        '"user_labels":{"a":"2","b":"1"}}],"user_annotations":{"a":"2","z":"1"},"user_labels":{"k":"v"}}]',
    );
  });
});
