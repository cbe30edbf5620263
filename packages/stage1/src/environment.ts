import type { EnvironmentVariable } from '@rkt/appc';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Set when the app's environment lacks them (rkt.md §6.3; rkt sets USER/HOME to root's whatever the user). */
export const DEFAULT_ENVIRONMENT: readonly EnvironmentVariable[] = [
  { name: 'PATH', value: DEFAULT_PATH },
  { name: 'SHELL', value: '/bin/sh' },
  { name: 'USER', value: 'root' },
  { name: 'LOGNAME', value: 'root' },
  { name: 'HOME', value: '/root' },
];

/**
 * The environment an app starts with: its own (the pod manifest's app section, which already carries
 * rkt's precedence host < image < file < --set-env < --environment), then `AC_APP_NAME` (always the
 * app's name, overriding), then the defaults for what is still missing.
 */
export function appEnvironment(
  app: string,
  env: readonly EnvironmentVariable[] | undefined,
): EnvironmentVariable[] {
  const out = (env ?? []).filter((e) => e.name !== 'AC_APP_NAME').map((e) => ({ ...e }));
  out.push({ name: 'AC_APP_NAME', value: app });
  for (const d of DEFAULT_ENVIRONMENT) if (!out.some((e) => e.name === d.name)) out.push({ ...d });
  return out;
}
