import type { Migration } from './index';

/**
 * Version 1 (the first drafts) wrote ports compose-style ("8080:80/udp") and memory with
 * units under `resources.memory` ("512Mi", "1.5Gi"). Version 2 writes both as numbers so
 * that capacity sums need no parsing and diffs stay small.
 */
export const migrateV1ToV2: Migration = {
  from: 1,
  describe: 'ports become {container, published, protocol}; resources.memory ("512Mi") becomes resources.memoryMiB (512)',
  migrate(data) {
    const services = Array.isArray(data.services) ? data.services : [];
    return { ...data, schemaVersion: 2, services: services.map(migrateService) };
  },
};

function migrateService(service: unknown): unknown {
  if (typeof service !== 'object' || service === null) return service;
  const s = { ...(service as Record<string, unknown>) };
  if (Array.isArray(s.ports)) s.ports = s.ports.map((p) => (typeof p === 'string' ? parsePort(p) : p));
  if (typeof s.resources === 'object' && s.resources !== null) {
    const { memory, ...rest } = s.resources as Record<string, unknown>;
    s.resources = memory === undefined ? rest : { ...rest, memoryMiB: migrateMemory(memory) };
  }
  return s;
}

/** "8080:80/udp" → published 8080, container 80, udp; "80" → container 80. */
function parsePort(text: string): unknown {
  const match = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(text.trim());
  if (!match) return text; // left for the schema to report with its position
  const [, published, container, protocol] = match;
  return {
    container: Number(container),
    ...(published ? { published: Number(published) } : {}),
    ...(protocol === 'udp' ? { protocol } : {}),
  };
}

function migrateMemory(memory: unknown): unknown {
  if (typeof memory !== 'object' || memory === null) return memory;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(memory as Record<string, unknown>)) out[key] = toMiB(value);
  return out;
}

function toMiB(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(Mi|Gi|M|G)?$/.exec(value.trim());
  if (!match) return value;
  const amount = Number(match[1]);
  const unit = match[2] ?? 'Mi';
  return Math.round(unit.startsWith('G') ? amount * 1024 : amount);
}
