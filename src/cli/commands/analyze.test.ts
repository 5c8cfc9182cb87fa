import { describe, expect, it } from 'vitest';
import { runCli } from '../main';
import { capture, example } from './testing';

describe('stackdraft analyze', () => {
  it('prints cold-start phases with hosts, blast radius per host and the tier comparison', async () => {
    const { output, out } = capture();
    expect(await runCli(['analyze', example('breakpilot'), '--tier', 'tier-a'], output)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('phase 1: vm-edge: keycloak, infisical');
    expect(text).toMatch(/phase 4: vm-edge: orca-proxy/);
    expect(text).toMatch(/vm-edge \[SPOF: failure spreads to other hosts\]: 24 down/);
    expect(text).toMatch(/tier-a\s+4\s+12\s+48 GiB\s+192\.00/);
  });

  it('compares every tier when none is named (seed 002 §13: €192 → €608)', async () => {
    const { output, out } = capture();
    await runCli(['analyze', example('breakpilot')], output);
    const rows = out.filter((l) => /^\s+tier-[a-d]\s/.test(l));
    expect(rows.map((l) => /(\d+\.\d\d)/.exec(l)![1])).toEqual(['192.00', '256.00', '384.00', '608.00']);
  });

  it('--format json carries the same analysis as data', async () => {
    const { output, out } = capture();
    await runCli(['analyze', example('rejourney'), '--format', 'json'], output);
    const json = JSON.parse(out.join('\n'));
    expect(json.tiers[0].coldStart.phases.length).toBeGreaterThan(1);
    expect(json.comparison[0]).toMatchObject({ tierId: json.tiers[0].tierId, hosts: 1 });
  });

  it('exits 2 for a missing file or a --fail-on it does not take', async () => {
    expect(await runCli(['analyze', '/nonexistent/x.yaml'], capture().output)).toBe(2);
    expect(await runCli(['analyze', example('rejourney'), '--fail-on', 'error'], capture().output)).toBe(2);
  });
});
