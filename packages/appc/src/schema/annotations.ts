import { isRFC3339 } from './rfc3339.js';
import { at, expectArray, item } from './json.js';
import { readNameValue } from './labels.js';
import { fail, show } from './validation-error.js';

/** `{name, value}` metadata; names are AC identifiers, unique in their list. */
export interface Annotation {
  name: string;
  value: string;
}

export const WELL_KNOWN_ANNOTATIONS = Object.freeze({
  created: 'created',
  authors: 'authors',
  homepage: 'homepage',
  documentation: 'documentation',
  supportsSystemdNotify: 'appc.io/executor/supports-systemd-notify',
});

export function parseAnnotations(value: unknown, field: string): Annotation[] {
  const annotations = expectArray(value, field).map((v, i) => readNameValue(v, item(field, i)));
  const seen = new Set<string>();
  annotations.forEach((a, i) => {
    if (seen.has(a.name)) fail(at(item(field, i), 'name'), `duplicate annotation ${show(a.name)}`);
    seen.add(a.name);
    checkWellKnown(a, at(item(field, i), 'value'));
  });
  return annotations;
}

function checkWellKnown({ name, value }: Annotation, field: string): void {
  switch (name) {
    case WELL_KNOWN_ANNOTATIONS.created:
      if (!isRFC3339(value)) fail(field, `created must be an RFC 3339 timestamp, got ${show(value)}`);
      return;
    case WELL_KNOWN_ANNOTATIONS.homepage:
    case WELL_KNOWN_ANNOTATIONS.documentation:
      if (!isHttpUrl(value)) fail(field, `${name} must be an http or https URL, got ${show(value)}`);
      return;
    case WELL_KNOWN_ANNOTATIONS.supportsSystemdNotify:
      if (value !== 'true' && value !== 'false')
        fail(field, `${name} must be "true" or "false", got ${show(value)}`);
      return;
  }
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
