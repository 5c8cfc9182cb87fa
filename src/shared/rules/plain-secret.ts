import { findingService, servicePath, serviceRef, updateService } from './refs';
import type { ServiceRule } from './types';

/** Names that say "this is a credential". */
const SECRET_NAME = /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|_PASS$|^PASS$|_PWD$)/i;
/** Values that are credentials whatever their name: PEM keys, URLs with a password, vendor key prefixes. */
const SECRET_VALUE = /(-----BEGIN [A-Z ]*PRIVATE KEY|^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@|^(sk|pk|rk)_(live|test)_|^gh[pousr]_[A-Za-z0-9]{20,}|^AKIA[0-9A-Z]{16}$|^xox[abpr]-)/;
/** Values that only point at a secret (a reference, a file path, an empty placeholder) are fine. */
const REFERENCE = /^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\/run\/secrets\/.*|\/.*\.(txt|key|pem)|changeme|)$/i;

/**
 * Variable names repeat across services (LOG_LEVEL, TZ …), so each name's answer is
 * remembered; the memo is dropped when it grows large, so it cannot grow without bound.
 */
const secretNames = new Map<string, boolean>();
const MEMO_LIMIT = 4096;
function isSecretName(key: string): boolean {
  let known = secretNames.get(key);
  if (known === undefined) {
    if (secretNames.size >= MEMO_LIMIT) secretNames.clear();
    known = SECRET_NAME.test(key);
    secretNames.set(key, known);
  }
  return known;
}

/** Seed 002 §8 rule 3: secrets come from the secret store, never from plain environment. */
export const plainSecret: ServiceRule = {
  id: 'plain-secret',
  title: 'Secret in plain environment',
  severity: 'error',
  scope: 'service',
  why: 'A value in plain environment ends up in the file, in git and in `docker inspect`; a secret reference keeps it in the secret store.',
  check(service, index, emit) {
    for (const key in service.env) {
      const value = service.env[key]!;
      // Cheapest test first: most variables are neither named nor shaped like a secret.
      if ((!isSecretName(key) && !SECRET_VALUE.test(value)) || REFERENCE.test(value)) continue;
      emit({
        severity: 'error',
        message: `${service.id}: ${key} looks like a secret in plain environment`,
        targets: [serviceRef(service.id)],
        path: servicePath(index, 'env', key),
        fix: `Move ${key} to a secret reference (the value is removed from the file)`,
      });
    }
  },
  fix(topology, finding) {
    const id = findingService(finding.targets);
    const key = finding.path[3];
    if (id === undefined || typeof key !== 'string') return undefined;
    return updateService(topology, id, (service) => {
      const env = { ...service.env };
      delete env[key];
      const secrets = service.secrets.some((s) => s.env === key) ? service.secrets : [...service.secrets, { name: `${service.id}/${key.toLowerCase()}`, env: key }];
      return { ...service, env, secrets };
    });
  },
};
