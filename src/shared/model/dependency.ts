import { z } from 'zod';
import { id } from './names';

/** `from` needs `to`: hard = cannot start without it; soft = starts and degrades. */
export const dependencySchema = z.strictObject({
  from: id,
  to: id,
  kind: z.enum(['hard', 'soft']).default('hard'),
  port: z.number().int().min(1).max(65535).optional(),
  description: z.string().optional(),
});
export type Dependency = z.infer<typeof dependencySchema>;
export type DependencyKind = Dependency['kind'];

/** A dependency is identified by its two ends. */
export function dependencyKey(d: Pick<Dependency, 'from' | 'to'>): string {
  return `${d.from}->${d.to}`;
}
