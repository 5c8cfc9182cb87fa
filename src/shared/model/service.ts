import { z } from 'zod';
import { sensitiveMountReason } from './mounts';
import { dockerName, id } from './names';
import { resourcesSchema } from './resources';

export const SERVICE_KINDS = ['app', 'database', 'cache', 'queue', 'proxy', 'static', 'job', 'external'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Kinds that hold state by nature; `stateful` defaults to this in templates. */
export const STATEFUL_KINDS: ReadonlySet<ServiceKind> = new Set(['database', 'cache', 'queue']);

const portNumber = z.number().int().min(1).max(65535);

export const portSchema = z.strictObject({
  container: portNumber,
  /** Port published on the host; absent = reachable only on the container networks. */
  published: portNumber.optional(),
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  /** Host address the published port binds to; absent = all interfaces. */
  bind: z.string().optional(),
});
export type Port = z.infer<typeof portSchema>;

/** JavaScript objects cannot hold this key faithfully, so it is refused rather than lost. */
const notProto = (key: string) => key !== '__proto__';

const envKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a valid environment variable name')
  .refine(notProto, '"__proto__" cannot be used as a name');

/** A secret is referenced by name; its value lives in the secret store, never in the file. */
export const secretRefSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_./-]{1,128}$/, 'must be a secret name (letters, digits, "_", ".", "/", "-")'),
  env: envKey,
});
export type SecretRef = z.infer<typeof secretRefSchema>;

const absolutePath = z
  .string()
  .regex(/^\//, 'must be an absolute path')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments');

export const volumeSchema = z
  .strictObject({
    type: z.enum(['volume', 'bind', 'tmpfs']).default('volume'),
    /** Volume name (type volume) or host path (type bind); unused for tmpfs. */
    source: z.string().optional(),
    target: absolutePath,
    readOnly: z.boolean().default(false),
    sizeGiB: z.number().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'volume' && (v.source === undefined || !dockerName.safeParse(v.source).success)) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a named volume needs a source that is a valid Docker volume name' });
    }
    if (v.type === 'bind' && (v.source === undefined || !absolutePath.safeParse(v.source).success)) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a bind mount needs an absolute host path without ".." segments' });
    }
  });
export type Volume = z.infer<typeof volumeSchema>;

/** Exec-form health check run inside the container (never through a host shell). */
export const healthCheckSchema = z.strictObject({
  command: z.array(z.string().min(1)).min(1, 'needs at least the program to run'),
  intervalSeconds: z.number().positive().default(10),
  timeoutSeconds: z.number().positive().default(5),
  retries: z.number().int().min(1).default(3),
  startPeriodSeconds: z.number().min(0).default(0),
});
export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const backupSchema = z.discriminatedUnion('policy', [
  z.strictObject({
    policy: z.literal('scheduled'),
    method: z.string().optional(),
    every: z.string().optional(),
    retentionDays: z.number().int().positive().optional(),
    /** Recovery point objective: the most data, in hours, that may be lost. */
    rpoHours: z.number().positive(),
  }),
  z.strictObject({ policy: z.literal('none'), reason: z.string().optional() }),
]);
export type Backup = z.infer<typeof backupSchema>;

const RESERVED_LABEL_PREFIX = 'io.stackdraft.';

export const serviceSchema = z
  .strictObject({
    id,
    /** Container name on the host. */
    name: dockerName,
    kind: z.enum(SERVICE_KINDS),
    description: z.string().optional(),
    /** Environment this service belongs to; absent = the environment of the host it is placed on. */
    environment: id.optional(),
    plane: id.optional(),
    image: z.string().min(1).optional(),
    command: z.array(z.string()).optional(),
    ports: z.array(portSchema).default([]),
    /** Plain environment variables; secrets go in `secrets`. */
    env: z.record(envKey, z.string()).default({}),
    secrets: z.array(secretRefSchema).default([]),
    volumes: z.array(volumeSchema).default([]),
    resources: resourcesSchema.default({}),
    healthCheck: healthCheckSchema.optional(),
    restart: z.enum(['always', 'unless-stopped', 'on-failure', 'no']).default('unless-stopped'),
    stateful: z.boolean().default(false),
    backup: backupSchema.optional(),
    exposure: z.enum(['public', 'internal']).default('internal'),
    /** 0 = hibernated: declared but not running. */
    replicas: z.number().int().min(0).max(64).default(1),
    /** Cron schedule for `job` services. */
    schedule: z.string().optional(),
    labels: z.record(z.string().min(1).refine(notProto, '"__proto__" cannot be used as a label'), z.string()).default({}),
    /** Mounting `/`, the Docker socket and the like is refused unless allowed here. */
    allowSensitiveMounts: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.kind !== 'external' && s.image === undefined) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: `needs an image (only "external" services have none)` });
    }
    if (!s.allowSensitiveMounts) {
      s.volumes.forEach((volume, index) => {
        const reason = volume.type === 'bind' && volume.source !== undefined ? sensitiveMountReason(volume.source) : undefined;
        if (reason) {
          ctx.addIssue({
            code: 'custom',
            path: ['volumes', index, 'source'],
            message: `mounting ${volume.source} is refused because ${reason}; set allowSensitiveMounts: true on this service if it really needs it`,
          });
        }
      });
    }
    for (const key of Object.keys(s.labels)) {
      if (key.startsWith(RESERVED_LABEL_PREFIX)) {
        ctx.addIssue({ code: 'custom', path: ['labels', key], message: `labels starting with "${RESERVED_LABEL_PREFIX}" are reserved for Stackdraft` });
      }
    }
  });
export type Service = z.infer<typeof serviceSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
