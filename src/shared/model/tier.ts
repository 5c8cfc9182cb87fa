import { z } from 'zod';
import { id } from './names';
import { resourcesSchema } from './resources';

export const sshTargetSchema = z.strictObject({
  /** Host name or address; examples use `.example` names or documentation ranges. */
  address: z.string().min(1).regex(/^[A-Za-z0-9.:_[\]-]+$/, 'must be a host name or IP address'),
  port: z.number().int().min(1).max(65535).default(22),
  user: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'must be a valid user name').default('deploy'),
  /** Key file; absent = use the ssh-agent. */
  identityFile: z.string().optional(),
});
export type SshTarget = z.infer<typeof sshTargetSchema>;

export const hostSchema = z.strictObject({
  id,
  name: z.string().min(1),
  environment: id,
  provider: z.string().optional(),
  flavor: z.string().optional(),
  /** vCPUs. */
  cpu: z.number().positive(),
  memoryMiB: z.number().int().positive(),
  diskGiB: z.number().positive().optional(),
  monthlyCost: z.number().min(0).optional(),
  publicIp: z.boolean().default(false),
  /** A standby host is provisioned on demand (e.g. a cold spare); it runs nothing. */
  role: z.enum(['active', 'standby']).default('active'),
  ssh: sshTargetSchema.optional(),
  dockerSocket: z.string().regex(/^\//, 'must be an absolute path').default('/var/run/docker.sock'),
  description: z.string().optional(),
});
export type Host = z.infer<typeof hostSchema>;

/** Where one service runs in a tier, with optional per-tier overrides. */
export const placementSchema = z.strictObject({
  service: id,
  host: id,
  replicas: z.number().int().min(0).max(64).optional(),
  resources: resourcesSchema.optional(),
});
export type Placement = z.infer<typeof placementSchema>;

/** One sizing of the whole system: its hosts and where every service runs. */
export const tierSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    description: z.string().optional(),
    /** Who this sizing is for, e.g. "5–200 customers". */
    customers: z.string().optional(),
    hosts: z.array(hostSchema).default([]),
    placements: z.array(placementSchema).default([]),
  })
  .superRefine((tier, ctx) => {
    reportDuplicates(tier.hosts.map((h) => h.id), 'hosts', 'host', ctx);
    reportDuplicates(tier.placements.map((p) => p.service), 'placements', 'placement for service', ctx, 'service');
  });
export type Tier = z.infer<typeof tierSchema>;

/** Adds an issue at the second occurrence of every repeated id. */
export function reportDuplicates(
  ids: readonly string[],
  listPath: string,
  what: string,
  ctx: z.RefinementCtx,
  field = 'id',
): void {
  const seen = new Set<string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({ code: 'custom', path: [listPath, index, field], message: `duplicate ${what} "${value}"` });
    }
    seen.add(value);
  });
}
