import { z } from 'zod';
import { dependencyKey, dependencySchema } from './dependency';
import { environmentSchema } from './environment';
import { layoutSchema } from './layout';
import { dockerName } from './names';
import { planeSchema } from './plane';
import { serviceSchema } from './service';
import { reportDuplicates, tierSchema } from './tier';

/** The version this build writes. Older files are migrated on open; newer ones open read-only. */
export const CURRENT_SCHEMA_VERSION = 2;

export const topologySchema = z
  .strictObject({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    /** Short name used in Docker labels and network names. */
    project: dockerName,
    name: z.string().min(1),
    description: z.string().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code like EUR').default('EUR'),
    environments: z.array(environmentSchema).default([]),
    planes: z.array(planeSchema).default([]),
    services: z.array(serviceSchema).default([]),
    dependencies: z.array(dependencySchema).default([]),
    tiers: z.array(tierSchema).default([]),
    layout: layoutSchema.default({}),
  })
  .superRefine((t, ctx) => {
    reportDuplicates(t.environments.map((e) => e.id), 'environments', 'environment', ctx);
    reportDuplicates(t.planes.map((p) => p.id), 'planes', 'plane', ctx);
    reportDuplicates(t.services.map((s) => s.id), 'services', 'service', ctx);
    reportDuplicates(t.services.map((s) => s.name), 'services', 'service name', ctx, 'name');
    reportDuplicates(t.tiers.map((x) => x.id), 'tiers', 'tier', ctx);
    reportDuplicates(t.dependencies.map(dependencyKey), 'dependencies', 'dependency', ctx, 'to');
    t.dependencies.forEach((d, index) => {
      if (d.from === d.to) {
        ctx.addIssue({ code: 'custom', path: ['dependencies', index, 'to'], message: `"${d.from}" cannot depend on itself` });
      }
    });
  });

export type Topology = z.infer<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;

/** The smallest valid document: what File > New starts from. */
export function emptyTopology(name = 'Untitled'): Topology {
  return topologySchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, project: 'untitled', name });
}
