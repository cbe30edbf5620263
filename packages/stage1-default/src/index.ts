// The default stage1 image (stage1-default): its name and where the build put it. The image itself
// (sh entrypoints + the static pause) is built by scripts/build-stage1.mjs from ../stage1.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import spec from '../stage1.json' with { type: 'json' };

export const STAGE1_DEFAULT_NAME: string = spec.name;
/** File name of the built image, next to the rkt binaries. */
export const STAGE1_DEFAULT_ACI: string = spec.aciFile;
/** Annotations of the image's manifest (entrypoints, interface version 5, plan format oci-v1). */
export const STAGE1_DEFAULT_ANNOTATIONS: Readonly<Record<string, string>> = spec.annotations;

/** The built image beside the running bundle (bin/), else the repository's bin/; undefined if unbuilt. */
export function builtStage1DefaultAci(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, STAGE1_DEFAULT_ACI), join(here, '../../../bin', STAGE1_DEFAULT_ACI)].find((p) =>
    existsSync(p),
  );
}
