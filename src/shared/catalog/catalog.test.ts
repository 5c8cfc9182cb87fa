import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../model';
import { customFlavor, HOST_FLAVORS } from './flavors';
import { SERVICE_TEMPLATES } from './templates';

describe('catalog', () => {
  it('has a valid service for every template, with caps and a health check where it runs long', () => {
    for (const template of SERVICE_TEMPLATES) {
      const parsed = serviceSchema.safeParse({ id: template.baseName, name: template.baseName, ...template.service });
      expect(parsed.error?.issues ?? [], template.id).toEqual([]);
      if (template.kind === 'external') continue;
      expect(parsed.data!.resources.cpu?.limit, template.id).toBeGreaterThan(0);
      expect(parsed.data!.resources.memoryMiB?.limit, template.id).toBeGreaterThan(0);
      if (template.kind !== 'job') expect(parsed.data!.healthCheck, template.id).toBeDefined();
    }
  });

  it('offers the templates the issue names', () => {
    const labels = SERVICE_TEMPLATES.map((t) => t.label);
    for (const name of ['App', 'PostgreSQL', 'MariaDB', 'MongoDB', 'Redis', 'RabbitMQ', 'nginx', 'Traefik', 'Keycloak', 'MinIO', 'Static site', 'Job']) {
      expect(labels).toContain(name);
    }
  });

  it('has the flavors the seeds name, with the sizes the seeds give', () => {
    const byName = new Map(HOST_FLAVORS.map((f) => [f.flavor, f]));
    expect(byName.get('m2.small')).toMatchObject({ cpu: 2, memoryMiB: 8192 });
    expect(byName.get('m2.medium')).toMatchObject({ cpu: 4, memoryMiB: 16384 });
    expect(byName.get('cax11')).toMatchObject({ provider: 'Hetzner', cpu: 2, memoryMiB: 4096 });
    expect(new Set(HOST_FLAVORS.map((f) => f.id)).size).toBe(HOST_FLAVORS.length);
  });

  it('accepts a user flavor and says which field is wrong', () => {
    expect(customFlavor({ provider: 'Home', flavor: 'nuc', cpu: 4, memoryMiB: 16384, diskGiB: 500, monthlyCost: 0 })).toMatchObject({ id: 'home/nuc', custom: true, memoryMiB: 16384 });
    expect(() => customFlavor({ provider: '', flavor: 'x', cpu: 0, memoryMiB: 1.5, diskGiB: 1, monthlyCost: -1 })).toThrow(/cpu: must be more than 0.*memory:.*price:/);
  });
});
