import { stage1Error } from './errors.js';
import type { AppPlan } from './plan.js';

/**
 * What the plan can carry: no string may hold NUL (argv and environ cannot); paths the stage1 mounts
 * are written one mount per line, so they may not hold a newline; overlay paths become one mount
 * option string, so they may not hold `,`, `:` or `\` either.
 */
export function checkPlanStrings(plan: AppPlan): void {
  const fail = (what: string, value: string, why: string): never => {
    throw stage1Error('PLAN_UNSAFE_VALUE', `app "${plan.name}": ${what} ${JSON.stringify(value)} ${why}`);
  };
  for (const a of plan.argv) if (a.includes('\0')) fail('argument', a, 'contains NUL');
  for (const e of plan.environment)
    if (e.value.includes('\0')) fail(`environment variable ${e.name}`, e.value, 'contains NUL');
  if (plan.workingDirectory.includes('\0')) fail('working directory', plan.workingDirectory, 'contains NUL');
  const paths = [plan.root, plan.tree, ...plan.mounts.flatMap((m) => [m.source, m.target])];
  for (const p of paths) if (/[\0\n]/.test(p)) fail('path', p, 'contains a newline or NUL');
  for (const p of plan.overlay ? [plan.overlay.lower, plan.overlay.upper, plan.overlay.work] : [])
    if (/[,:\\\n\0]/.test(p))
      fail(
        'overlay path',
        p,
        'contains one of , : \\ or a newline (overlayfs mount options cannot hold them)',
      );
}
