import { asObject, ConfigProblem, optionalString, requiredString, stringList } from './fields.js';
import type { JsonObject } from './fields.js';
import type { AuthConfig, BasicCredentials, RktConfig } from './types.js';

/** rktKind "auth" v1: `domains`, `type` (basic|oauth|aws), `credentials`. Adds to `config`, which
 *  holds one directory's files: a domain seen twice there is an error. */
export function applyAuthV1(config: RktConfig, file: JsonObject): void {
  const domains = stringList(file, 'domains');
  if (domains.length === 0) throw new ConfigProblem('no domains specified');
  const type = requiredString(file, 'type', 'no auth type specified');
  const auth = authConfig(type, file['credentials']);
  for (const domain of domains) {
    if (config.authPerHost.has(domain)) {
      throw new ConfigProblem(`auth for domain ${JSON.stringify(domain)} is already specified`);
    }
    config.authPerHost.set(domain, auth);
  }
}

/** rktKind "dockerAuth" v1: `registries`, `credentials` {user, password}. */
export function applyDockerAuthV1(config: RktConfig, file: JsonObject): void {
  const registries = stringList(file, 'registries');
  if (registries.length === 0) throw new ConfigProblem('no registries specified');
  const credentials = basicCredentials(file['credentials']);
  for (const registry of registries) {
    if (config.dockerCredentialsPerRegistry.has(registry)) {
      throw new ConfigProblem(
        `credentials for docker registry ${JSON.stringify(registry)} are already specified`,
      );
    }
    config.dockerCredentialsPerRegistry.set(registry, credentials);
  }
}

function authConfig(type: string, raw: unknown): AuthConfig {
  switch (type) {
    case 'basic':
      return { type, credentials: basicCredentials(raw) };
    case 'oauth': {
      const creds = credentialsObject(raw);
      return {
        type,
        credentials: { token: requiredString(creds, 'token', 'no oauth bearer token specified') },
      };
    }
    case 'aws': {
      const creds = credentialsObject(raw);
      const accessKeyID = requiredString(creds, 'accessKeyID', 'no AWS Access Key ID specified');
      const secretAccessKey = requiredString(creds, 'secretAccessKey', 'no AWS Secret Access Key specified');
      const awsRegion = optionalString(creds, 'awsRegion');
      return {
        type,
        credentials:
          awsRegion === undefined
            ? { accessKeyID, secretAccessKey }
            : { accessKeyID, secretAccessKey, awsRegion },
      };
    }
    default:
      throw new ConfigProblem(`unknown auth type: ${JSON.stringify(type)}`);
  }
}

function basicCredentials(raw: unknown): BasicCredentials {
  const creds = credentialsObject(raw);
  return {
    user: requiredString(creds, 'user', 'user not specified'),
    password: requiredString(creds, 'password', 'password not specified'),
  };
}

function credentialsObject(raw: unknown): JsonObject {
  if (raw === undefined || raw === null) throw new ConfigProblem('no credentials');
  return asObject(raw, '"credentials"');
}
