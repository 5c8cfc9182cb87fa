import { z } from 'zod';
import { id } from './names';

export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3b82f6');

/**
 * A named group of services (identity, control, data, a network zone …). It becomes a
 * Docker network per host, and its `mayCall` list is the isolation rule.
 */
export const planeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  color: hexColor,
  purpose: z.string().optional(),
  /** Planes this plane's services may depend on (besides itself); absent = any plane. */
  mayCall: z.array(id).optional(),
  /** An internal network has no route to the internet (compose `internal: true`). */
  internal: z.boolean().default(false),
});
export type Plane = z.infer<typeof planeSchema>;
