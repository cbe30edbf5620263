import { LINUX_CAPABILITIES } from './capabilities.js';
import { appSpec, handlerSpec, pauseSpec } from './oci-app-spec.js';
import { OCI_V1 } from './oci-layout.js';
import type { OciAppPlan } from './oci-plan.js';
import type { AppPlan, PodPlan } from './plan.js';
import { stage1Error } from './errors.js';
import { shellAssign } from './shell-quote.js';

/**
 * Plan format `oci-v1` (stage1-default): OCI runtime configs crun runs, plus small sh-sourced files
 * for what the run entrypoint does itself (overlay mounts, event handlers, run-time /etc binds).
 * Contract with the stage1 that declares it: packages/stage1-default/README.md. Pure.
 */
export function renderOciV1(plan: PodPlan): Map<string, string> {
  const oci = plan.oci;
  if (oci === undefined)
    throw stage1Error('PLAN_INPUT', 'an oci-v1 plan needs its oci section (planPod makes it)');
  const files = new Map<string, string>();
  files.set(
    OCI_V1.podFile,
    lines([
      '# stage1 plan (oci-v1), pod level; written by @rkt/stage1',
      shellAssign('RKT_PLAN_FORMAT', plan.format),
      shellAssign('POD_UUID', plan.uuid),
      shellAssign('POD_APPS', plan.apps.map((a) => a.name).join(' ')),
      shellAssign('POD_HOSTNAME', oci.hostname),
      shellAssign('OCI_CAPABILITIES', LINUX_CAPABILITIES.join(' ')),
    ]),
  );
  files.set(
    `${OCI_V1.pauseBundle}/config.json`,
    json(pauseSpec(plan.uuid, oci.hostname, false, OCI_V1.pauseBundle)),
  );
  const hostNet = OCI_V1.pauseHostNetBundle;
  files.set(`${hostNet}/config.json`, json(pauseSpec(plan.uuid, oci.hostname, true, hostNet)));
  for (const app of plan.apps) {
    const extras = oci.apps.find((a) => a.name === app.name);
    if (extras === undefined) throw stage1Error('PLAN_INPUT', `no oci plan for app "${app.name}"`);
    const bundle = OCI_V1.appBundle(app.name);
    const spec = appSpec(plan.uuid, app, extras, bundle);
    files.set(`${bundle}/config.json`, json(spec));
    for (const [name, argv] of [
      ['pre-start', extras.preStart],
      ['post-stop', extras.postStop],
    ] as const) {
      if (argv === undefined) continue;
      // Same depth as the app's bundle, so the relative paths of its config hold unchanged.
      files.set(`${OCI_V1.handlerBundle(app.name, name)}/config.json`, json(handlerSpec(spec, argv)));
    }
    files.set(OCI_V1.appFile(app.name), renderApp(app, extras));
    files.set(OCI_V1.rktEnvFile(app.name), lines(app.environment.map((e) => `${e.name}=${e.value}`)));
  }
  return files;
}

function renderApp(app: AppPlan, oci: OciAppPlan): string {
  return lines([
    `# stage1 plan (oci-v1) of app ${app.name}; written by @rkt/stage1`,
    shellAssign('APP_NAME', app.name),
    shellAssign('APP_ROOT', app.root),
    shellAssign('APP_OVERLAY_LOWER', app.overlay?.lower ?? ''),
    shellAssign('APP_OVERLAY_UPPER', app.overlay?.upper ?? ''),
    shellAssign('APP_OVERLAY_WORK', app.overlay?.work ?? ''),
    shellAssign('APP_PRE_START', oci.preStart === undefined ? '' : 'pre-start'),
    shellAssign('APP_POST_STOP', oci.postStop === undefined ? '' : 'post-stop'),
    shellAssign('APP_ETC_HOSTS', oci.etc.hosts ?? ''),
    shellAssign('APP_ETC_RESOLV', oci.etc.resolv ?? ''),
  ]);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const lines = (ls: readonly string[]): string => ls.map((l) => `${l}\n`).join('');
