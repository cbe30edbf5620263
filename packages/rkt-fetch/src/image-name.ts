import { isACIdentifier, validateOsArch, type Label } from '@rkt/appc';
import { RktError } from '@rkt/common';
import { CODES } from './errors.js';

/** An appc image name as fetch takes it: `name[:version][,label=value...]`. */
export interface ImageName {
  /** the AC identifier the manifest must carry */
  name: string;
  /** requested labels, `version` first when given */
  labels: Label[];
  /** `host:port` where discovery happens, when the argument named a port (`127.0.0.1:8080/app`) */
  authority?: string;
}

// `host:port/...`: AC identifiers cannot hold a colon, so a port can only be the discovery endpoint's.
const HOST_PORT = /^([a-z0-9.-]+):(\d{1,5})(\/.*)$/;

/**
 * Parses like appc's NewAppFromString: at most one colon, only right after the name (it introduces
 * the version), then comma-separated `label=value` pairs; a label given twice is an error. Values are
 * taken literally (Go would also query-unescape them). A leading `host:port/` is our extension: the
 * port says where to discover and is not part of the name.
 */
export function parseImageName(input: string): ImageName {
  const port = HOST_PORT.exec(input);
  const text = port ? `${port[1]}${port[3]}` : input;
  const comma = text.indexOf(',');
  const colon = text.indexOf(':');
  if (colon > comma && comma > -1) throw invalid(input, 'colon may appear only right after the app name');
  if (text.split(':').length > 2) throw invalid(input, 'colon may appear at most once');
  const [head = '', ...pairs] = text.split(',');
  const [name = '', version] = colon === -1 ? [head] : [head.slice(0, colon), head.slice(colon + 1)];
  if (!isACIdentifier(name)) throw invalid(input, `${JSON.stringify(name)} is not a valid AC identifier`);
  const labels: Label[] = version === undefined ? [] : [{ name: 'version', value: version }];
  for (const pair of pairs.filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const label =
      eq === -1 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    if (label.name === 'name' || !isACIdentifier(label.name)) {
      throw invalid(input, `${JSON.stringify(label.name)} is not a valid label name`);
    }
    if (labels.some((l) => l.name === label.name)) {
      throw invalid(input, `label ${JSON.stringify(label.name)} is given more than once`);
    }
    labels.push(label);
  }
  return port ? { name, labels, authority: `${port[1]}:${port[2]}` } : { name, labels };
}

/** rkt adds the host's `os` and `arch` to names it fetches, and checks the pair (rkt.md §4.4). */
export function withDefaultLabels(image: ImageName, arch: string = appcArch()): ImageName {
  const labels = [...image.labels];
  if (!labels.some((l) => l.name === 'os')) labels.push({ name: 'os', value: 'linux' });
  if (!labels.some((l) => l.name === 'arch')) labels.push({ name: 'arch', value: arch });
  const value = (n: string) => labels.find((l) => l.name === n)?.value;
  try {
    validateOsArch(value('os'), value('arch'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new RktError(CODES.invalidImage, `image ${JSON.stringify(image.name)}: ${reason}`, { cause: err });
  }
  return { ...image, labels };
}

/** appc's name for the architecture Node runs on. */
export function appcArch(arch: string = process.arch): string {
  const names: Record<string, string> = { x64: 'amd64', arm64: 'aarch64', ia32: 'i386', arm: 'armv7l' };
  return names[arch] ?? arch;
}

/** `name:version,l=v` for messages. */
export function showImageName(image: ImageName): string {
  const version = image.labels.find((l) => l.name === 'version');
  const rest = image.labels.filter((l) => l.name !== 'version').map((l) => `,${l.name}=${l.value}`);
  return `${image.name}${version ? `:${version.value}` : ''}${rest.join('')}`;
}

function invalid(input: string, reason: string): RktError {
  return new RktError(CODES.invalidImage, `invalid image name ${JSON.stringify(input)}: ${reason}`);
}
