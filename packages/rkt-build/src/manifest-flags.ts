import { APPC_SPEC_VERSION } from '@rkt/appc';
import { hostAppcArch } from './host-arch.js';
import { parseBool, parseUint, splitKeyValue, splitKeyValueList, usage } from './kv.js';

/** What the command line says about the manifest; every field is optional and applied on top. */
export interface ManifestFlags {
  name?: string;
  labels?: string[];
  exec?: string[];
  env?: string[];
  user?: string;
  group?: string;
  workingDir?: string;
  mountPoints?: string[];
  ports?: string[];
  annotations?: string[];
  dependencies?: string[];
}

type Json = Record<string, unknown>;
type NameValue = { name: string; value: string };

/** The manifest rkt image build starts from when DIR is a bare rootfs. */
export function skeletonManifest(): Json {
  return { acKind: 'ImageManifest', acVersion: APPC_SPEC_VERSION };
}

/**
 * Apply flags to a raw (JSON) manifest and return the new raw manifest; validation is the caller's,
 * so that errors name manifest fields. `defaultLabels` adds os/arch when neither the manifest nor the
 * flags set them (rkt refuses to run images without them).
 */
export function applyManifestFlags(base: Json, flags: ManifestFlags, defaultLabels: boolean): Json {
  const m: Json = structuredClone(base);
  if (flags.name !== undefined) m.name = flags.name;
  let labels = (m.labels as NameValue[] | undefined) ?? [];
  for (const text of flags.labels ?? []) labels = upsert(labels, splitKeyValue('label', text));
  if (defaultLabels) {
    if (!labels.some((l) => l.name === 'os')) labels = upsert(labels, ['os', 'linux']);
    if (!labels.some((l) => l.name === 'arch')) labels = upsert(labels, ['arch', hostAppcArch()]);
  }
  if (labels.length > 0) m.labels = labels;
  if (touchesApp(flags))
    m.app = applyAppFlags((m.app as Json | undefined) ?? { user: '0', group: '0' }, flags);
  let annotations = (m.annotations as NameValue[] | undefined) ?? [];
  for (const text of flags.annotations ?? [])
    annotations = upsert(annotations, splitKeyValue('annotation', text));
  if (annotations.length > 0) m.annotations = annotations;
  const deps = [
    ...((m.dependencies as Json[] | undefined) ?? []),
    ...(flags.dependencies ?? []).map(parseDependency),
  ];
  if (deps.length > 0) m.dependencies = deps;
  return m;
}

function touchesApp(f: ManifestFlags): boolean {
  return (
    f.exec !== undefined ||
    f.user !== undefined ||
    f.group !== undefined ||
    f.workingDir !== undefined ||
    (f.env?.length ?? 0) > 0 ||
    (f.mountPoints?.length ?? 0) > 0 ||
    (f.ports?.length ?? 0) > 0
  );
}

function applyAppFlags(base: Json, f: ManifestFlags): Json {
  const app: Json = { ...base };
  if (f.exec !== undefined) app.exec = f.exec;
  if (f.user !== undefined) app.user = f.user;
  if (f.group !== undefined) app.group = f.group;
  if (f.workingDir !== undefined) app.workingDirectory = f.workingDir;
  let env = (app.environment as NameValue[] | undefined) ?? [];
  for (const text of f.env ?? []) env = upsert(env, splitKeyValue('env', text));
  if (env.length > 0) app.environment = env;
  const mps = [
    ...((app.mountPoints as Json[] | undefined) ?? []),
    ...(f.mountPoints ?? []).map(parseMountPoint),
  ];
  if (mps.length > 0) app.mountPoints = mps;
  const ports = [...((app.ports as Json[] | undefined) ?? []), ...(f.ports ?? []).map(parsePort)];
  if (ports.length > 0) app.ports = ports;
  return app;
}

function upsert(list: NameValue[], [name, value]: [string, string]): NameValue[] {
  const i = list.findIndex((x) => x.name === name);
  if (i < 0) return [...list, { name, value }];
  return list.map((x, j) => (j === i ? { name, value } : x));
}

/** `name=data,path=/var/data[,readOnly=true]` */
function parseMountPoint(text: string): Json {
  const kv = splitKeyValueList('mount-point', text);
  const name = kv.get('name');
  const path = kv.get('path');
  if (!name || !path) throw usage('mount-point', text, 'name and path are required');
  const out: Json = { name, path };
  for (const k of kv.keys()) {
    if (k === 'readOnly') out.readOnly = parseBool('mount-point', kv.get(k)!);
    else if (k !== 'name' && k !== 'path') throw usage('mount-point', text, `unknown key "${k}"`);
  }
  return out;
}

/** `name=http,protocol=tcp,port=80[,count=1][,socketActivated=false]` */
function parsePort(text: string): Json {
  const kv = splitKeyValueList('port', text);
  const out: Json = { name: kv.get('name'), protocol: kv.get('protocol') ?? 'tcp' };
  if (!kv.has('name') || !kv.has('port')) throw usage('port', text, 'name and port are required');
  for (const [k, v] of kv) {
    if (k === 'port' || k === 'count') out[k] = parseUint('port', v);
    else if (k === 'socketActivated') out[k] = parseBool('port', v);
    else if (k !== 'name' && k !== 'protocol') throw usage('port', text, `unknown key "${k}"`);
  }
  return out;
}

/** `example.com/base[:version][,imageID=sha512-...][,size=N][,label=value...]` */
function parseDependency(text: string): Json {
  const [head = '', ...rest] = text.split(',');
  const colon = head.indexOf(':');
  const imageName = colon < 0 ? head : head.slice(0, colon);
  const out: Json = { imageName };
  const labels: NameValue[] = colon < 0 ? [] : [{ name: 'version', value: head.slice(colon + 1) }];
  for (const part of rest) {
    const [k, v] = splitKeyValue('dependency', part);
    if (k === 'imageID') out.imageID = v;
    else if (k === 'size') out.size = parseUint('dependency', v);
    else labels.push({ name: k, value: v });
  }
  if (labels.length > 0) out.labels = labels;
  return out;
}
