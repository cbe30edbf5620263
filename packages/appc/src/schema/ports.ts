import { isIP } from 'node:net';
import { readACName } from './identifiers.js';
import {
  at,
  expectArray,
  expectInteger,
  expectObject,
  getKey,
  item,
  optionalBoolean,
  optionalString,
  requiredString,
} from './json.js';
import { fail, show } from './validation-error.js';

/** A port an app listens on: `port` through `port + count - 1`. Informational unless exposed. */
export interface Port {
  name: string;
  protocol: string;
  port: number;
  /** Defaults to 1 (Go fills it in and always writes it). */
  count: number;
  socketActivated: boolean;
}

/** A pod port forwarded from the host. */
export interface ExposedPort {
  name: string;
  /** 0 is accepted, as in Go. */
  hostPort: number;
  /** IPv4 or IPv6 address to bind on the host; absent means all addresses. */
  hostIP?: string;
  /** Overrides the image's port of the same name. */
  podPort?: Port;
}

export function parsePort(value: unknown, field: string): Port {
  const obj = expectObject(value, field);
  const name = readACName(getKey(obj, 'name'), at(field, 'name'));
  const protocol = requiredString(getKey(obj, 'protocol'), at(field, 'protocol'));
  const port = expectInteger(getKey(obj, 'port') ?? 0, at(field, 'port'), 1, 65535);
  const countValue = getKey(obj, 'count');
  const count = countValue === undefined ? 1 : expectInteger(countValue, at(field, 'count'), 0, 65535) || 1;
  if (port + count > 65536) {
    fail(at(field, 'count'), `port range ${port}-${port + count - 1} ends past 65535 (count ${count})`);
  }
  const socketActivated =
    optionalBoolean(getKey(obj, 'socketActivated'), at(field, 'socketActivated')) ?? false;
  return { name, protocol, port, count, socketActivated };
}

export function parsePorts(value: unknown, field: string): Port[] {
  return expectArray(value, field).map((v, i) => parsePort(v, item(field, i)));
}

export function parseExposedPorts(value: unknown, field: string): ExposedPort[] {
  const seen = new Set<string>();
  return expectArray(value, field).map((v, i) => {
    const portField = item(field, i);
    const obj = expectObject(v, portField);
    const name = readACName(getKey(obj, 'name'), at(portField, 'name'));
    if (seen.has(name)) fail(at(portField, 'name'), `duplicate exposed port ${show(name)}`);
    seen.add(name);
    const hostPort = expectInteger(getKey(obj, 'hostPort') ?? 0, at(portField, 'hostPort'), 0, 65535);
    const out: ExposedPort = { name, hostPort };
    const hostIP = optionalString(getKey(obj, 'hostIP'), at(portField, 'hostIP'));
    if (hostIP !== undefined) {
      if (isIP(hostIP) === 0 || hostIP.includes('%'))
        fail(at(portField, 'hostIP'), `${show(hostIP)} is not an IP address`);
      out.hostIP = hostIP;
    }
    const podPort = getKey(obj, 'podPort');
    if (podPort !== undefined) out.podPort = parsePort(podPort, at(portField, 'podPort'));
    return out;
  });
}
