import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

function withEnv(env: Record<string, string>) {
  const topology = sampleTopology();
  topology.services.find((s) => s.id === 'shop')!.env = env;
  return topology;
}

describe('plain-secret', () => {
  it('flags secret-looking names and values, pointing at the variable', () => {
    const found = findingsOf('plain-secret', withEnv({ DB_PASSWORD: 'hunter2', DATABASE_URL: 'postgres://app:s3cret@db:5432/app', STRIPE: 'sk_live_abc', LOG_LEVEL: 'info' }));
    expect(found.map((f) => f.path)).toEqual([
      ['services', 2, 'env', 'DB_PASSWORD'],
      ['services', 2, 'env', 'DATABASE_URL'],
      ['services', 2, 'env', 'STRIPE'],
    ]);
  });

  it('accepts references, file paths and URLs without a password', () => {
    const found = findingsOf('plain-secret', withEnv({ DB_PASSWORD_FILE: '/run/secrets/db', API_TOKEN: '${API_TOKEN}', DATABASE_URL: 'postgres://db:5432/app', TOKEN_TTL_NAME: '' }));
    expect(found).toEqual([]);
  });

  it('quick fix turns the variable into a secret reference and drops the value from the document', () => {
    const topology = withEnv({ DB_PASSWORD: 'hunter2', LOG_LEVEL: 'info' });
    const fixed = applyQuickFix(topology, findingsOf('plain-secret', topology)[0]!)!;
    const shop = fixed.services.find((s) => s.id === 'shop')!;
    expect(shop.env).toEqual({ LOG_LEVEL: 'info' });
    expect(shop.secrets).toEqual([{ name: 'shop/db_password', env: 'DB_PASSWORD' }]);
    expect(JSON.stringify(fixed)).not.toContain('hunter2');
  });
});
