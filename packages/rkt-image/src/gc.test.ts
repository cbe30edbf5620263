import { describe, expect, it } from 'vitest';
import { FakeStore, tree } from './fake-store.js';
import { gcStore, type GcPodHooks } from './gc.js';
import { record } from './test-records.js';

const NOW = 1_000_000_000_000;
const HOUR = 3_600_000;
const old = (hex: string, hoursAgo: number) => record(hex, { lastUsed: NOW - hoursAgo * HOUR });

function hooks(referenced: string[], running: string[], log: string[]): GcPodHooks {
  return {
    async lockTrees(sweep) {
      log.push('lock');
      try {
        return await sweep();
      } finally {
        log.push('unlock');
      }
    },
    referencedTreeIds: () => (log.push('referenced'), new Set(referenced)),
    runningImageKeys: () => (log.push('running'), new Set(running)),
  };
}

describe('gcStore with pods', () => {
  it('keeps the trees pods reference, reading them and sweeping under the prepare lock', async () => {
    const a = old('a', 30);
    const store = new FakeStore([a], [tree('deps-used', a.key), tree('deps-unused', a.key)]);
    const log: string[] = [];
    const report = await gcStore(store, {
      gracePeriodMs: 24 * HOUR,
      now: NOW,
      pods: hooks(['deps-used'], [], log),
    });
    expect(report.removedTrees).toEqual(['deps-unused']);
    expect(store.removedTrees).toEqual(['deps-unused']);
    expect(log).toEqual(['lock', 'referenced', 'unlock', 'running']);
  });

  it('never removes an image of a running pod: the walk stops there, as rkt', async () => {
    const [a, b, c] = [old('a', 50), old('b', 40), old('c', 30)];
    const store = new FakeStore([a, b, c]);
    await gcStore(store, { gracePeriodMs: 24 * HOUR, now: NOW, pods: hooks([], [b.key], []) });
    expect(store.removed).toEqual([a.key]);
  });
});
