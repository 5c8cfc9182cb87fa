/**
 * Where secret values come from (the app: the safeStorage-backed secret store; tests and
 * the CLI: the environment). A value goes only into the container's environment over the
 * Docker API — never into a file, a log, a label or a message to the renderer.
 */
export interface SecretSource {
  /** undefined = no value is stored under that name. */
  valueOf(name: string): Promise<string | undefined>;
}

/** Secrets from `STACKDRAFT_SECRET_<NAME>` variables (name upper-cased, non-alphanumerics as `_`). */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): SecretSource {
  return { valueOf: async (name) => env[`STACKDRAFT_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] };
}
