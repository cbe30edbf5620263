import { processCapabilities } from './oci-capabilities.js';
import { cgroupPath, fromBundle, OCI_V1 } from './oci-layout.js';
import { MASKED_PATHS, READONLY_PATHS, systemMounts } from './oci-paths.js';
import type { OciAppPlan } from './oci-plan.js';
import type { OciMount, OciNamespace, OciSpec } from './oci-spec.js';
import type { AppPlan } from './plan.js';

const OCI_VERSION = '1.0.2';
const SHARED_NAMESPACES = ['pid', 'ipc', 'uts', 'network'] as const;

/**
 * An app's container: its own mount namespace and root, joining the pause's pid, ipc, uts and
 * network namespaces through the `ns` link in the pod dir. No hostname (crun would set it on the
 * shared UTS namespace) and no rlimits (the caller's stay: a hard limit cannot be raised here).
 */
export function appSpec(uuid: string, app: AppPlan, oci: OciAppPlan, bundle: string): OciSpec {
  const rel = (podRelative: string): string => fromBundle(bundle, podRelative);
  const iso = oci.isolation;
  const namespaces: OciNamespace[] = SHARED_NAMESPACES.map((type) => ({
    type,
    path: rel(`${OCI_V1.nsLink}/${type === 'network' ? 'net' : type}`),
  }));
  namespaces.push({ type: 'mount' });
  return {
    ociVersion: OCI_VERSION,
    process: {
      terminal: false,
      user: {
        uid: app.uid,
        gid: app.gid,
        ...(app.supplementaryGids.length > 0 ? { additionalGids: [...app.supplementaryGids] } : {}),
      },
      args: [...app.argv],
      env: app.environment.map((e) => `${e.name}=${e.value}`),
      cwd: app.workingDirectory,
      capabilities: processCapabilities(iso.capabilities, app.uid),
      noNewPrivileges: iso.noNewPrivileges,
      ...(iso.oomScoreAdj === undefined ? {} : { oomScoreAdj: iso.oomScoreAdj }),
    },
    root: { path: rel(app.root), readonly: app.readOnlyRootFS },
    mounts: [...systemMounts(rel(OCI_V1.shm)), ...volumeMounts(app, rel), ...etcMounts(oci, rel)],
    linux: {
      namespaces,
      cgroupsPath: cgroupPath.app(uuid, app.name),
      ...(Object.keys(iso.resources).length > 0 ? { resources: iso.resources } : {}),
      ...(iso.seccomp === undefined ? {} : { seccomp: iso.seccomp }),
      maskedPaths: [...MASKED_PATHS],
      readonlyPaths: [...READONLY_PATHS],
    },
  };
}

/** The same container running an event handler instead of the app. */
export function handlerSpec(spec: OciSpec, argv: readonly string[]): OciSpec {
  return { ...spec, process: { ...spec.process, args: [...argv] } };
}

/**
 * The pause: creates the pod's namespaces (the network one unless the pod uses the host's), holds
 * the hostname, reaps orphans. No capabilities, read-only root, nothing mounted.
 */
export function pauseSpec(uuid: string, hostname: string, hostNetwork: boolean, bundle: string): OciSpec {
  const none: string[] = [];
  const namespaces: OciNamespace[] = [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }];
  if (!hostNetwork) namespaces.push({ type: 'network' });
  return {
    ociVersion: OCI_VERSION,
    process: {
      terminal: false,
      user: { uid: 0, gid: 0 },
      args: ['/pause'],
      env: [],
      cwd: '/',
      capabilities: { bounding: none, effective: none, permitted: none, inheritable: none, ambient: none },
      noNewPrivileges: true,
    },
    root: { path: fromBundle(bundle, OCI_V1.pauseRoot), readonly: true },
    hostname,
    mounts: [],
    linux: { namespaces, cgroupsPath: cgroupPath.pause(uuid) },
  };
}

function volumeMounts(app: AppPlan, rel: (p: string) => string): OciMount[] {
  return app.mounts
    .filter((m) => m.kind !== 'stage1')
    .map((m) => ({
      destination: m.target,
      type: 'bind',
      source: m.kind === 'host' ? m.source : rel(m.source),
      options: [m.recursive ? 'rbind' : 'bind', m.readOnly ? 'ro' : 'rw'],
    }));
}

/** /etc/hostname always; /etc/hosts only when the image has none (rkt's hosts-fallback). */
function etcMounts(oci: OciAppPlan, rel: (p: string) => string): OciMount[] {
  const bind = (destination: string, source: string): OciMount => ({
    destination,
    type: 'bind',
    source: rel(source),
    options: ['bind', 'ro'],
  });
  const out: OciMount[] = [];
  if (oci.etc.hostname !== undefined) out.push(bind(oci.etc.hostname, OCI_V1.etcHostname));
  if (!oci.imageHasHosts && oci.etc.hosts !== undefined) out.push(bind(oci.etc.hosts, OCI_V1.hostsFallback));
  return out;
}
