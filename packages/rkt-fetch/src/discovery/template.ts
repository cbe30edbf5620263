import type { Label } from '@rkt/appc';
import type { MetaTag } from '@rkt/rkt-verify';

/** The URLs one `ac-discovery` template gives: the image and its detached signature. */
export interface Endpoint {
  aci: string;
  asc: string;
}

const UNRESOLVED = /\{.*?\}/;

/**
 * appc's renderTemplate: `{name}`, then `{<label>}` for each label (callers put `version`, defaulting
 * to `latest`, and `os`/`arch` among them), then `{ext}`; a template with any `{…}` left is dropped.
 */
export function renderEndpoint(
  template: string,
  name: string,
  labels: readonly Label[],
): Endpoint | undefined {
  let uri = template.replaceAll('{name}', name);
  for (const label of labels) uri = uri.replaceAll(`{${label.name}}`, label.value);
  const aci = uri.replaceAll('{ext}', 'aci');
  const asc = uri.replaceAll('{ext}', 'aci.asc');
  return UNRESOLVED.test(aci) || UNRESOLVED.test(asc) ? undefined : { aci, asc };
}

/** Endpoints of a page's tags that apply to `name` (tag prefix a string prefix of it), in order. */
export function endpointsFor(tags: readonly MetaTag[], name: string, labels: readonly Label[]): Endpoint[] {
  const withVersion = labels.some((l) => l.name === 'version')
    ? labels
    : [...labels, { name: 'version', value: 'latest' }];
  return tags
    .filter((t) => t.name === 'ac-discovery' && name.startsWith(t.prefix))
    .map((t) => renderEndpoint(t.uri, name, withVersion))
    .filter((e): e is Endpoint => e !== undefined);
}
