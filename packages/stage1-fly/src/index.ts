// The fly stage1 image: what it is called and where the build put it. The image itself (sh
// entrypoints + exec helper) is built by scripts/build-stage1.mjs from ../stage1.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import spec from '../stage1.json' with { type: 'json' };

export const STAGE1_FLY_NAME: string = spec.name;
/** File name of the built image, next to the rkt binaries (rkt looked for its stage1 there too). */
export const STAGE1_FLY_ACI: string = spec.aciFile;
/** Annotations of the image's manifest (entrypoints, interface version 5, plan format sh-v1). */
export const STAGE1_FLY_ANNOTATIONS: Readonly<Record<string, string>> = spec.annotations;

/**
 * The built image: beside the running bundle (bin/), else the repository's bin/ when running from
 * source. Undefined when neither exists (the build has not run).
 */
export function builtStage1FlyAci(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, STAGE1_FLY_ACI), join(here, '../../../bin', STAGE1_FLY_ACI)].find((p) => existsSync(p));
}
