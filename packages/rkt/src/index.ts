export { formatVersion, RKT_VERSION, versionInfo, type VersionInfo } from './version.js';
