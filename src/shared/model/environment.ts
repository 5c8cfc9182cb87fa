import { z } from 'zod';
import { id } from './names';

export const ENVIRONMENT_KINDS = ['production', 'staging', 'development', 'other'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** prod, stage, dev …; `mayCall` says which other environments' services it may use. */
export const environmentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(ENVIRONMENT_KINDS),
  /** Other environments whose (stateless) services this one may call, e.g. stage → prod Keycloak. */
  mayCall: z.array(id).default([]),
});
export type Environment = z.infer<typeof environmentSchema>;
