import { readACIdentifier } from './identifiers.js';
import { at, expectArray, expectObject, getKey, item, optionalString } from './json.js';
import { validateOsArch } from './os-arch.js';
import { fail, show } from './validation-error.js';

/** An image label: `version`, `os`, `arch` or any AC identifier except `name`. */
export interface Label {
  name: string;
  value: string;
}

/** `{name, value}` pairs as labels and annotations share them; value defaults to "" as in Go. */
export function readNameValue(value: unknown, field: string): { name: string; value: string } {
  const obj = expectObject(value, field);
  return {
    name: readACIdentifier(getKey(obj, 'name'), at(field, 'name')),
    value: optionalString(getKey(obj, 'value'), at(field, 'value')) ?? '',
  };
}

/** Labels of an image, a dependency or a pod's image reference: unique, no `name`, valid os/arch. */
export function parseLabels(value: unknown, field: string): Label[] {
  const labels = expectArray(value, field).map((v, i) => readNameValue(v, item(field, i)));
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    const nameField = at(item(field, i), 'name');
    if (label.name === 'name')
      fail(nameField, `"name" is not allowed as a label name (it is the image name)`);
    if (seen.has(label.name)) fail(nameField, `duplicate label ${show(label.name)}`);
    seen.add(label.name);
  });
  const os = labels.findIndex((l) => l.name === 'os');
  const arch = labels.findIndex((l) => l.name === 'arch');
  validateOsArch(labels[os]?.value, labels[arch]?.value, {
    os: at(item(field, os), 'value'),
    arch: at(item(field, arch), 'value'),
  });
  return labels;
}
