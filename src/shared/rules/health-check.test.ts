import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('health-check', () => {
  it('asks what others hard-depend on for a health check, and nothing else', () => {
    const topology = sampleTopology();
    // shop and db are hard-needed; proxy and nightly are not; stripe is external.
    expect(findingsOf('health-check', topology).map((f) => f.message)).toEqual([
      'shop has no health check but proxy hard-depend on it',
      'db has no health check but shop hard-depend on it',
    ]);
    topology.services.find((s) => s.id === 'db')!.healthCheck = { command: ['pg_isready'], intervalSeconds: 10, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 };
    expect(findingsOf('health-check', topology).map((f) => f.targets[0])).toEqual([{ kind: 'service', id: 'shop' }]);
  });
});
