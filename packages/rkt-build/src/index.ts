export { buildImage, type BuildOptions, type BuildResult } from './build.js';
export { applyManifestFlags, skeletonManifest, type ManifestFlags } from './manifest-flags.js';
export { readBuildSource, type BuildSource } from './source.js';
