import { APPC_SPEC_VERSION } from '@rkt/appc';
import rootPackage from '../../../package.json' with { type: 'json' };

/** The engine's version: the monorepo's, so every binary of one build reports the same. */
export const RKT_VERSION: string = rootPackage.version;

export interface VersionInfo {
  rkt: string;
  appc: string;
  node: string;
  os: string;
  arch: string;
  /** build-time features, `+NAME` present or `-NAME` absent, as rkt reports them */
  features: string[];
}

export function versionInfo(): VersionInfo {
  return {
    rkt: RKT_VERSION,
    appc: APPC_SPEC_VERSION,
    node: process.version,
    os: process.platform,
    arch: process.arch === 'x64' ? 'amd64' : process.arch,
    // rkt's two build flags: this engine has no TPM support and does not write to the systemd journal.
    features: ['-TPM', '-SDJOURNAL'],
  };
}

/** rkt's `version` layout, with the runtime lines naming Node where rkt named Go. */
export function formatVersion(v: VersionInfo): string {
  return [
    `rkt Version: ${v.rkt}`,
    `appc Version: ${v.appc}`,
    `Node Version: ${v.node}`,
    `Node OS/Arch: ${v.os}/${v.arch}`,
    `Features: ${v.features.join(' ')}`,
  ].join('\n');
}
