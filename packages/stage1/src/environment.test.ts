import { describe, expect, it } from 'vitest';
import { appEnvironment, DEFAULT_PATH } from './environment.js';

describe('appEnvironment', () => {
  it('adds AC_APP_NAME and the defaults to an empty environment', () => {
    expect(appEnvironment('web', undefined)).toEqual([
      { name: 'AC_APP_NAME', value: 'web' },
      { name: 'PATH', value: DEFAULT_PATH },
      { name: 'SHELL', value: '/bin/sh' },
      { name: 'USER', value: 'root' },
      { name: 'LOGNAME', value: 'root' },
      { name: 'HOME', value: '/root' },
    ]);
  });

  it("keeps the app's values and order, defaults only what is missing, and always names the app", () => {
    const env = appEnvironment('web', [
      { name: 'PATH', value: '/bin' },
      { name: 'AC_APP_NAME', value: 'spoofed' },
      { name: 'HOME', value: '/home/app' },
      { name: 'EMPTY', value: '' },
    ]);
    expect(env).toEqual([
      { name: 'PATH', value: '/bin' },
      { name: 'HOME', value: '/home/app' },
      { name: 'EMPTY', value: '' },
      { name: 'AC_APP_NAME', value: 'web' },
      { name: 'SHELL', value: '/bin/sh' },
      { name: 'USER', value: 'root' },
      { name: 'LOGNAME', value: 'root' },
    ]);
  });
});
