import { parseEnvironment, type EnvironmentVariable } from './environment.js';
import { parseEventHandlers, type EventHandler } from './event-handlers.js';
import { parseIsolators } from './isolators.js';
import type { Isolator } from './isolator-types.js';
import {
  at,
  expectInteger,
  expectObject,
  getKey,
  item,
  optionalArray,
  optionalString,
  requiredString,
  stringArray,
  stringMap,
} from './json.js';
import { parseMountPoints, type MountPoint } from './mount-points.js';
import { parsePorts, type Port } from './ports.js';
import { fail, show } from './validation-error.js';

/** How to run an image (image manifest `app`) or one app of a pod (overriding the image's). */
export interface App {
  /** argv; absent or empty means the executor must supply one. */
  exec?: string[];
  /** User name, numeric UID or absolute path whose owner to use. Required. */
  user: string;
  group: string;
  supplementaryGIDs?: number[];
  eventHandlers?: EventHandler[];
  /** Absolute; absent means `/`. */
  workingDirectory?: string;
  environment?: EnvironmentVariable[];
  isolators?: Isolator[];
  mountPoints?: MountPoint[];
  ports?: Port[];
  userAnnotations?: Record<string, string>;
  userLabels?: Record<string, string>;
}

const MAX_GID = 4294967294;

export function parseApp(value: unknown, field: string): App {
  const obj = expectObject(value, field);
  const get = (key: string): unknown => getKey(obj, key);
  const f = (key: string): string => at(field, key);
  const app: App = {
    user: requiredString(get('user'), f('user')),
    group: requiredString(get('group'), f('group')),
  };
  if (get('exec') !== undefined) app.exec = stringArray(get('exec'), f('exec'));
  // getKey folds case, so the spec example's `supplementaryGids` lands here too.
  const gids = optionalArray(get('supplementaryGIDs'), f('supplementaryGIDs'));
  if (gids !== undefined) {
    app.supplementaryGIDs = gids.map((g, i) => expectInteger(g, item(f('supplementaryGIDs'), i), 0, MAX_GID));
  }
  if (get('eventHandlers') !== undefined)
    app.eventHandlers = parseEventHandlers(get('eventHandlers'), f('eventHandlers'));
  const cwd = optionalString(get('workingDirectory'), f('workingDirectory'));
  if (cwd !== undefined && cwd !== '') {
    if (!cwd.startsWith('/')) fail(f('workingDirectory'), `must be an absolute path, got ${show(cwd)}`);
    app.workingDirectory = cwd;
  }
  if (get('environment') !== undefined)
    app.environment = parseEnvironment(get('environment'), f('environment'));
  if (get('isolators') !== undefined) app.isolators = parseIsolators(get('isolators'), f('isolators'), 'app');
  if (get('mountPoints') !== undefined)
    app.mountPoints = parseMountPoints(get('mountPoints'), f('mountPoints'));
  if (get('ports') !== undefined) app.ports = parsePorts(get('ports'), f('ports'));
  if (get('userAnnotations') !== undefined)
    app.userAnnotations = stringMap(get('userAnnotations'), f('userAnnotations'));
  if (get('userLabels') !== undefined) app.userLabels = stringMap(get('userLabels'), f('userLabels'));
  return app;
}
