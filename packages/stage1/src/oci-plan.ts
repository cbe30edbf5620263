import type { App, Isolator, PodManifest } from '@rkt/appc';
import { resolveExec } from './exec-lookup.js';
import { appIsolation, type AppIsolation } from './oci-isolators.js';
import type { AppPlan } from './plan.js';
import { resolveInView, type RootView } from './root-view.js';

/** What plan format oci-v1 adds to the flavor-independent plan. */
export interface OciPodPlan {
  /** rkt's default, `rkt-<uuid>`; `--hostname` replaces it at run time */
  hostname: string;
  apps: OciAppPlan[];
}

export interface OciAppPlan {
  name: string;
  isolation: AppIsolation;
  /** the appc event handlers, argv[0] looked up like exec */
  preStart: string[] | undefined;
  postStop: string[] | undefined;
  /**
   * In-root paths (symlinks resolved inside the tree) where the stage1 may bind its /etc files;
   * absent when the image has a directory there or the path lies in a volume.
   */
  etc: { hostname?: string; hosts?: string; resolv?: string };
  /** the image brings its own /etc/hosts (otherwise the pod's hosts-fallback is bound there) */
  imageHasHosts: boolean;
}

export interface OciAppInput {
  plan: AppPlan;
  app: App;
}

/** Decide the oci-v1 specifics of every app. Reads the trees; writes nothing. */
export async function planOci(
  uuid: string,
  manifest: PodManifest,
  apps: readonly OciAppInput[],
  warnings: string[],
): Promise<OciPodPlan> {
  const podIsolators: Isolator[] = manifest.isolators ?? [];
  const out: OciAppPlan[] = [];
  for (const { plan, app } of apps) {
    const view: RootView = {
      root: plan.tree,
      mounts: plan.mounts.map((m) => ({
        target: m.target,
        source: m.kind === 'empty' ? undefined : m.source,
      })),
    };
    const isolation = appIsolation(plan.name, plan.uid, app.isolators ?? [], podIsolators);
    warnings.push(...isolation.warnings);
    const handler = async (name: 'pre-start' | 'post-stop'): Promise<string[] | undefined> => {
      const h = app.eventHandlers?.find((e) => e.name === name);
      return h === undefined
        ? undefined
        : resolveExec(view, plan.name, h.exec, plan.workingDirectory, app.environment);
    };
    const hosts = await etcTarget(view, plan, '/etc/hosts', warnings);
    out.push({
      name: plan.name,
      isolation,
      preStart: await handler('pre-start'),
      postStop: await handler('post-stop'),
      etc: {
        ...optional('hostname', (await etcTarget(view, plan, '/etc/hostname', warnings))?.path),
        ...optional('hosts', hosts?.path),
        ...optional('resolv', (await etcTarget(view, plan, '/etc/resolv.conf', warnings))?.path),
      },
      imageHasHosts: hosts?.exists ?? true,
    });
  }
  return { hostname: `rkt-${uuid}`, apps: out };
}

async function etcTarget(
  view: RootView,
  plan: AppPlan,
  path: string,
  warnings: string[],
): Promise<{ path: string; exists: boolean } | undefined> {
  const r = await resolveInView(view, path);
  const skip = (why: string): undefined => {
    warnings.push(`app "${plan.name}": not binding the pod's ${path}: ${why}`);
    return undefined;
  };
  const inVolume = plan.mounts.find((m) => r.path === m.target || r.path.startsWith(`${m.target}/`));
  if (inVolume !== undefined) return skip(`it lies in volume ${inVolume.volume}`);
  if (r.kind === 'missing') return r.reason === 'missing' ? { path: r.path, exists: false } : skip(r.reason);
  if (r.kind !== 'file') return skip(`the image has a ${r.kind} there`);
  return { path: r.path, exists: true };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
