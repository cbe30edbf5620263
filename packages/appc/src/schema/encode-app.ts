import type { App } from './app.js';
import { ordered, sortedMap, type Ordered } from './canonical-json.js';
import type { Isolator } from './isolator-types.js';
import type { Port } from './ports.js';

export function nameValue(
  list: ReadonlyArray<{ name: string; value: string }> | undefined,
): Ordered[] | undefined {
  return list?.map((x) =>
    ordered([
      ['name', x.name],
      ['value', x.value],
    ]),
  );
}

/** Isolators are written from `raw`, the value as read, so unknown and typed ones round-trip alike. */
export function encodeIsolators(list: readonly Isolator[] | undefined): Ordered[] | undefined {
  return list?.map((i) =>
    ordered([
      ['name', i.name],
      ['value', i.raw],
    ]),
  );
}

export function encodePort(p: Port): Ordered {
  return ordered([
    ['name', p.name],
    ['protocol', p.protocol],
    ['port', p.port],
    ['count', p.count],
    ['socketActivated', p.socketActivated],
  ]);
}

/** Field order of Go's types.App. */
export function encodeApp(app: App): Ordered {
  return ordered([
    ['exec', app.exec],
    [
      'eventHandlers',
      app.eventHandlers?.map((h) =>
        ordered([
          ['name', h.name],
          ['exec', h.exec],
        ]),
      ),
    ],
    ['user', app.user],
    ['group', app.group],
    ['supplementaryGIDs', app.supplementaryGIDs],
    ['workingDirectory', app.workingDirectory],
    ['environment', nameValue(app.environment)],
    [
      'mountPoints',
      app.mountPoints?.map((m) =>
        ordered([
          ['name', m.name],
          ['path', m.path],
          ['readOnly', m.readOnly],
        ]),
      ),
    ],
    ['ports', app.ports?.map(encodePort)],
    ['isolators', encodeIsolators(app.isolators)],
    ['userAnnotations', sortedMap(app.userAnnotations)],
    ['userLabels', sortedMap(app.userLabels)],
  ]);
}
