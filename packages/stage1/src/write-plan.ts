import { chmod, chown, lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@rkt/common';
import { stage1Error } from './errors.js';
import { createMountTarget, ensureDir } from './mount-targets.js';
import type { PodPlan } from './plan.js';
import { POD_PATHS } from './plan.js';
import { OCI_V1 } from './oci-layout.js';
import { renderOciV1 } from './oci-v1.js';
import { renderShV1 } from './sh-v1.js';

/** Plan files may carry secrets in environment values: readable by root and the pod dir's group. */
const PLAN_FILE_MODE = 0o640;

/**
 * Lay the plan into the pod directory (format sh-v1 or oci-v1): the plan and rkt env files (atomically),
 * `rkt/status/` (empty), the backing dirs of empty volumes, overlay upper/work dirs, the app root
 * mount point, and every missing mount target (in the overlay's upper dir, or in the copy).
 */
export async function writePodPlan(podDir: string, plan: PodPlan): Promise<void> {
  if (plan.format !== 'sh-v1' && plan.format !== 'oci-v1')
    throw stage1Error('STAGE1_PLAN_FORMAT', `cannot write plan format "${String(plan.format)}"`);
  for (const dir of [POD_PATHS.planDir, POD_PATHS.envDir, POD_PATHS.statusDir])
    await mkdir(join(podDir, dir), { recursive: true, mode: 0o755 });
  if (plan.emptyVolumes.length > 0) await ensureDir(join(podDir, POD_PATHS.sharedVolumes), { mode: 0o755 });
  for (const v of plan.emptyVolumes) {
    const path = join(podDir, v.path);
    await mkdir(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    const st = await lstat(path);
    if (!st.isDirectory()) throw stage1Error('PLAN_INPUT', `${path} exists and is not a directory`);
    await chmod(path, v.mode);
    if (st.uid !== v.uid || st.gid !== v.gid) await chown(path, v.uid, v.gid);
  }
  for (const app of plan.apps) {
    await mkdir(join(podDir, app.root), { recursive: true, mode: 0o755 });
    const base = app.overlay ? join(podDir, app.overlay.upper) : join(podDir, app.root);
    if (app.overlay) {
      const rootSt = await lstat(app.tree);
      await mkdir(join(podDir, app.overlay.upper), { recursive: true, mode: 0o755 });
      await mkdir(join(podDir, app.overlay.work), { recursive: true, mode: 0o755 });
      // The merged root takes the upper dir's owner and mode: make them the tree's.
      await ensureDir(base, { mode: rootSt.mode & 0o7777, uid: rootSt.uid, gid: rootSt.gid });
    }
    for (const m of app.mounts)
      if (m.create) await createMountTarget(app.tree, base, m.target, m.type, app.overlay !== undefined);
  }
  const files = plan.format === 'oci-v1' ? renderOciV1(plan) : renderShV1(plan);
  if (plan.format === 'oci-v1') await ensureDir(join(podDir, OCI_V1.shm), { mode: 0o755 });
  for (const [rel, content] of files) {
    await mkdir(join(podDir, rel, '..'), { recursive: true, mode: 0o755 });
    await writeFileAtomic(join(podDir, rel), content, { mode: PLAN_FILE_MODE });
  }
}
