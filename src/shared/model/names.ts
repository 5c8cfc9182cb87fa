import { z } from 'zod';

/**
 * Docker's rule for container, network and volume names: a letter or digit first,
 * then letters, digits, `_`, `.` or `-`. We also cap the length at 63 so that names fit
 * in DNS labels and in `project_name` composites.
 */
export const DOCKER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

/** Stable ids: lowercase, start with a letter, readable in YAML and in diffs. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

export const dockerName = z
  .string()
  .regex(
    DOCKER_NAME_PATTERN,
    'must start with a letter or digit and contain only letters, digits, "_", "." or "-" (at most 63 characters), because it becomes a Docker container or network name',
  );

export const id = z
  .string()
  .regex(
    ID_PATTERN,
    'must start with a lowercase letter and contain only lowercase letters, digits, "_" or "-" (at most 63 characters)',
  );

/** Turns any label into an id candidate: "Customer Portal" → "customer-portal". */
export function slugify(label: string): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/g, '')
    .slice(0, 63);
  return slug.length > 0 ? slug : 'item';
}

/** Returns `base`, or `base-2`, `base-3` … whichever is not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = slugify(base);
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root.slice(0, 58)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
