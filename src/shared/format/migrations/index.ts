import { migrateV1ToV2 } from './v1-to-v2';

/** A step that turns a document of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/** Numbered steps, oldest first; a file of version n runs every step from n on. */
export const MIGRATIONS: readonly Migration[] = [migrateV1ToV2];

export const OLDEST_SUPPORTED_VERSION = 1;
