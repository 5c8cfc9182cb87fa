// Correctness on the seed systems: the rules must find the risks the seed documents name
// themselves, and the cold-start order must be seed 002 §10 Scenario F.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coldStartPhases } from '../analysis/cold-start';
import { loadTopology } from '../format';
import type { Topology } from '../model';
import { validateTopology } from './validate';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../resources/examples/', import.meta.url));

function example(id: string): Topology {
  const result = loadTopology(readFileSync(`${EXAMPLES_DIR}${id}.stackdraft.yaml`, 'utf8'));
  if (!result.ok) throw new Error(`${id} does not load`);
  return result.topology;
}

const breakpilot = example('breakpilot');
const tierA = validateTopology(breakpilot, { tiers: ['tier-a'] });

describe('seed 002 (breakpilot), tier A: the risks of §12', () => {
  it('RISK-1: pg-app, one instance shared by the tenant registry and the compliance products', () => {
    const risk = tierA.filter((f) => f.rule === 'critical-stateful');
    expect(risk.map((f) => f.targets[0])).toEqual([{ kind: 'service', id: 'postgres-app' }]);
    expect(risk[0]!.message).toContain('tenant-registry, backend-compliance, ai-compliance-sdk');
  });

  it('RISK-2: vm-edge owns the root dependencies auth and secrets', () => {
    const risk = tierA.filter((f) => f.rule === 'root-dependency-host');
    expect(risk).toHaveLength(1);
    expect(risk[0]!.targets).toEqual([
      { kind: 'host', id: 'vm-edge', tier: 'tier-a' },
      { kind: 'service', id: 'keycloak' },
      { kind: 'service', id: 'infisical' },
    ]);
  });

  it('RISK-3: memory pressure on vm-control', () => {
    const memory = tierA.filter((f) => f.rule === 'capacity' && f.message.startsWith('vm-control: memory'));
    expect(memory).toHaveLength(1);
    expect(memory[0]!.severity).toBe('warning');
    expect(memory[0]!.message).toMatch(/memory limits .* of 16 GiB \(81 %\)/);
  });

  it('RISK-2 is gone in tier D, where vm-edge is split into vm-edge, vm-identity and vm-secrets (§13)', () => {
    const tierD = validateTopology(breakpilot, { tiers: ['tier-d'] });
    expect(tierD.filter((f) => f.rule === 'root-dependency-host')).toEqual([]);
  });

  it('stage never reaches a prod data store; mail through Stalwart is a warning to keep the filter', () => {
    const stage = tierA.filter((f) => f.rule === 'stage-to-prod');
    expect(stage.map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('customer-portal-stage (staging) depends on stalwart-mail')],
    ]);
  });
});

describe('seed 002 §10 Scenario F: cold-start phases of tier A', () => {
  const plan = coldStartPhases(breakpilot, 'tier-a');
  const phaseOf = new Map(plan.phases.flatMap((phase, i) => phase.map((p) => [p.service, i] as const)));

  it('has no deadlock', () => {
    expect(plan.cycles).toEqual([]);
    expect(plan.blocked).toEqual([]);
  });

  it('starts the data roots first, on every VM, in parallel', () => {
    for (const root of ['postgres-app', 'mongodb', 'qdrant', 'minio', 'mariadb', 'redis-erpnext', 'postgres-keycloak', 'postgres-infisical', 'redis-infisical']) {
      expect(phaseOf.get(root), root).toBe(0);
    }
  });

  // §10 F lists keycloak after infisical, but §11 marks keycloak → infisical soft (◐*, the
  // bootstrap exception: its DB URI comes from the Orca env). The example follows §11, so
  // keycloak starts with infisical and everything behind it one phase earlier than §10 F.
  // powerdns-auth has no dependencies (§10 F says so) and so needs no phase of its own.
  // admin-compliance needs backend + SDK, which §10 F puts in the same phase: it must follow them.
  it('follows §10 F, one phase earlier behind keycloak (§11 makes its infisical edge soft)', () => {
    const expected: Record<string, number> = {
      'powerdns-auth': 0,
      infisical: 1,
      keycloak: 1,
      gitea: 2,
      'tenant-registry': 2,
      erpnext: 2,
      'frappe-hd': 2,
      'stalwart-mail': 2,
      litellm: 2,
      'certifai-dashboard': 2,
      'backend-compliance': 2,
      'ai-compliance-sdk': 2,
      'admin-compliance': 3,
      'customer-portal': 3,
      'orca-proxy': 4,
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, phaseOf.get(id)]))).toEqual(expected);
  });

  it('keeps the §10 F order: data roots < secrets and identity < control and data < portal < gateway', () => {
    const order = ['postgres-infisical', 'infisical', 'tenant-registry', 'customer-portal', 'orca-proxy'];
    const phases = order.map((id) => phaseOf.get(id)!);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(new Set(phases).size).toBe(order.length);
    expect(phaseOf.get('orca-proxy')).toBe(plan.phases.length - 1);
  });
});

describe('seed 000 (platform deployment map)', () => {
  const findings = validateTopology(example('platform-deployment-map'));

  it('finds prod CPU requests saturated (92 %) in the current tier, over capacity before the AML migration', () => {
    const cpu = (tier: string) => findings.find((f) => f.rule === 'capacity' && f.tier === tier && f.message.startsWith('prod: CPU requests'));
    expect(cpu('current')).toMatchObject({ severity: 'warning', message: expect.stringContaining('(92 %)') });
    expect(cpu('before-aml-migration')).toMatchObject({ severity: 'error' });
  });

  it('finds the staging box running live prod workloads', () => {
    expect(findings.filter((f) => f.rule === 'stage-shares-host' && f.tier === 'current').map((f) => f.targets[0])).toEqual([
      { kind: 'host', id: 'staging', tier: 'current' },
    ]);
  });
});

describe('every example', () => {
  it.each(['platform-deployment-map', 'manacore', 'breakpilot', 'rejourney', 'codespartan'])('%s has no dangling dependency, cycle, unplaced service or port conflict', (id) => {
    const rules = new Set(validateTopology(example(id)).map((f) => f.rule));
    for (const rule of ['dangling-dependency', 'hard-cycle', 'unplaced', 'port-conflict']) {
      expect(rules.has(rule), `${id}: ${rule}`).toBe(false);
    }
  });
});
