import { z } from 'zod';

/** CPU in cores (0.25 = a quarter of one vCPU), as Docker's `--cpus`. */
export const cpuCores = z.number().positive('must be more than 0 cores').max(1024);
/** Memory in MiB, as whole numbers so that files diff cleanly. */
export const memoryMiB = z.number().int('must be a whole number of MiB').positive('must be more than 0 MiB');

const requestLimit = <T extends z.ZodNumber>(unit: T) =>
  z
    .strictObject({ request: unit.optional(), limit: unit.optional() })
    .refine((r) => r.request === undefined || r.limit === undefined || r.request <= r.limit, {
      message: 'request must not exceed limit',
      path: ['request'],
    });

/** What a container may use: a request (what it is sized for) and a hard limit (its cap). */
export const resourcesSchema = z.strictObject({
  cpu: requestLimit(cpuCores).optional(),
  memoryMiB: requestLimit(memoryMiB).optional(),
});
export type Resources = z.infer<typeof resourcesSchema>;
