import { z } from 'zod';

/**
 * Canvas positions, kept apart from the model so that moving a box changes only this
 * section. Views are keyed `host/<tierId>` (services nested in hosts) or `plane`;
 * nodes are keyed `host:<id>`, `service:<id>` or `plane:<id>`.
 */
export const positionSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
export type Position = z.infer<typeof positionSchema>;

export const VIEW_KEY_PATTERN = /^(host\/[a-z][a-z0-9_-]*|plane)$/;
export const NODE_KEY_PATTERN = /^(host|service|plane):[a-z][a-z0-9_-]*$/;

export const layoutSchema = z.record(
  z.string().regex(VIEW_KEY_PATTERN, 'must be a view key like "host/tier-a" or "plane"'),
  z.record(z.string().regex(NODE_KEY_PATTERN, 'must be a node key like "service:keycloak"'), positionSchema),
);
export type Layout = z.infer<typeof layoutSchema>;

export type NodeKind = 'host' | 'service' | 'plane';
export const nodeKey = (kind: NodeKind, id: string): string => `${kind}:${id}`;
const HOST_VIEW_PREFIX = 'host/';
export const hostViewKey = (tierId: string): string => `${HOST_VIEW_PREFIX}${tierId}`;
export const PLANE_VIEW_KEY = 'plane';

/** Which view a view key names: the host view of one tier, or the plane view. */
export function viewOfKey(viewKey: string): { view: 'host'; tierId: string } | { view: 'plane' } | undefined {
  if (viewKey === PLANE_VIEW_KEY) return { view: 'plane' };
  return viewKey.startsWith(HOST_VIEW_PREFIX) ? { view: 'host', tierId: viewKey.slice(HOST_VIEW_PREFIX.length) } : undefined;
}
