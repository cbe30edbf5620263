// The part of the OCI runtime spec (1.0.2) the oci-v1 plan writes; crun reads it.
export interface OciSpec {
  ociVersion: string;
  process: OciProcess;
  root: { path: string; readonly: boolean };
  /** only in the pause's config: crun would also apply it when joining a UTS namespace by path */
  hostname?: string;
  mounts: OciMount[];
  linux: OciLinux;
}

export interface OciProcess {
  terminal: boolean;
  user: { uid: number; gid: number; additionalGids?: number[] };
  args: string[];
  env: string[];
  cwd: string;
  capabilities: OciCapabilities;
  noNewPrivileges: boolean;
  oomScoreAdj?: number;
}

export interface OciCapabilities {
  bounding: string[];
  effective: string[];
  permitted: string[];
  inheritable: string[];
  ambient: string[];
}

export interface OciMount {
  destination: string;
  type: string;
  source: string;
  options: string[];
}

export interface OciNamespace {
  type: 'pid' | 'ipc' | 'uts' | 'mount' | 'network';
  path?: string;
}

export interface OciLinux {
  namespaces: OciNamespace[];
  cgroupsPath: string;
  resources?: OciResources;
  seccomp?: OciSeccomp;
  maskedPaths?: string[];
  readonlyPaths?: string[];
}

export interface OciResources {
  memory?: { limit: number };
  cpu?: { shares?: number; quota?: number; period?: number };
}

export type SeccompAction = 'SCMP_ACT_ALLOW' | 'SCMP_ACT_ERRNO' | 'SCMP_ACT_KILL_PROCESS';

export interface OciSeccomp {
  defaultAction: SeccompAction;
  defaultErrnoRet?: number;
  syscalls: { names: string[]; action: SeccompAction; errnoRet?: number }[];
}
