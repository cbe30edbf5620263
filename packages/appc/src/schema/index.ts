// The appc schema as code: types, parsing/validation and canonical encoding of image and pod manifests.
export { ManifestError, MANIFEST_INVALID } from './validation-error.js';
export { APPC_SPEC_VERSION, IMAGE_MANIFEST_KIND, POD_MANIFEST_KIND, isACVersion } from './version.js';
export { isACIdentifier, isACName, sanitizeACIdentifier, sanitizeACName } from './identifiers.js';
export { isImageID, parseImageID, type ParsedImageID } from './image-id.js';
export { VALID_OS_ARCH, validateOsArch } from './os-arch.js';
export { parseQuantity, type QuantityUnit } from './quantity.js';
export { isRFC3339 } from './rfc3339.js';
export { DEFAULT_CAPABILITIES } from './capabilities.js';
export type { Label } from './labels.js';
export { WELL_KNOWN_ANNOTATIONS, type Annotation } from './annotations.js';
export type { Dependency } from './dependencies.js';
export type { EnvironmentVariable } from './environment.js';
export type { EventHandler, EventHandlerName } from './event-handlers.js';
export type { MountPoint } from './mount-points.js';
export type { ExposedPort, Port } from './ports.js';
export type { App } from './app.js';
export {
  ISOLATOR_NAMES,
  KNOWN_ISOLATOR_NAMES,
  type CapabilitySetValue,
  type DefaultLimitValue,
  type Isolator,
  type IsolatorScope,
  type KnownIsolator,
  type KnownIsolatorName,
  type LinuxIsolator,
  type ResourceIsolator,
  type ResourceValue,
  type SELinuxContextValue,
  type SeccompSetValue,
  type UnknownIsolator,
} from './isolator-types.js';
export { isKnownIsolatorName, parseIsolator, parseIsolators } from './isolators.js';
export { DEFAULT_EMPTY_VOLUME_MODE, type EmptyVolume, type HostVolume, type Volume } from './volume.js';
export type { Mount, RuntimeApp, RuntimeImage } from './runtime-app.js';
export { parseImageManifest, type ImageManifest } from './image-manifest.js';
export { assertPodManifestReified, parsePodManifest, type PodManifest } from './pod-manifest.js';
export { MAX_MANIFEST_BYTES, decodeImageManifest, decodePodManifest } from './decode.js';
export { encodeImageManifest, encodePodManifest } from './encode.js';
