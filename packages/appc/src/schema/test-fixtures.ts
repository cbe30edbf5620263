// Shared by the *.test.ts files beside it; not part of the package API.
import { expect } from 'vitest';
import { ManifestError } from './validation-error.js';

export function minimalApp(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { exec: ['/bin/app'], user: '0', group: '0', ...extra };
}

export function imageJson(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/app', ...extra };
}

export function podJson(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { acVersion: '0.8.11', acKind: 'PodManifest', apps: [], ...extra };
}

export const ID = `sha512-${'ab'.repeat(64)}`;

export function runtimeApp(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'web', image: { id: ID }, ...extra };
}

/** Runs `fn`, expecting a ManifestError at `field` whose message contains `text`. */
export function expectManifestError(fn: () => unknown, field: string, text = ''): ManifestError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a ManifestError at ${field}`).toBeInstanceOf(ManifestError);
  const err = caught as ManifestError;
  expect(err.field).toBe(field);
  expect(err.message.startsWith(`${field}: `)).toBe(true);
  expect(err.message).toContain(text);
  expect(err.message).not.toMatch(/[\r\n]/);
  return err;
}
