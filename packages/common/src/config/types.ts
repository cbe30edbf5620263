/** rkt's stage0 configuration, merged from the system, local and user config dirs (rkt.md §5.5). */
export interface RktConfig {
  /** auth.d "auth" entries by domain (host[:port]). */
  authPerHost: Map<string, AuthConfig>;
  /** auth.d "dockerAuth" entries by registry. */
  dockerCredentialsPerRegistry: Map<string, BasicCredentials>;
  paths: PathsConfig;
  stage1: Stage1Config;
}

export interface BasicCredentials {
  user: string;
  password: string;
}

export interface OAuthCredentials {
  token: string;
}

export interface AwsCredentials {
  accessKeyID: string;
  secretAccessKey: string;
  /** Absent: guessed from the host when signing (default us-east-1). */
  awsRegion?: string;
}

export type AuthConfig =
  | { type: 'basic'; credentials: BasicCredentials }
  | { type: 'oauth'; credentials: OAuthCredentials }
  | { type: 'aws'; credentials: AwsCredentials };

/** paths.d; absolute paths, absent when not configured. */
export interface PathsConfig {
  data?: string;
  stage1Images?: string;
}

/** stage1.d; `name` and `version` are set together or not at all. */
export interface Stage1Config {
  name?: string;
  version?: string;
  /** An absolute path or a file:, http:, https: or docker: URL. */
  location?: string;
}

export function emptyConfig(): RktConfig {
  return { authPerHost: new Map(), dockerCredentialsPerRegistry: new Map(), paths: {}, stage1: {} };
}
