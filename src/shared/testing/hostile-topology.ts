import { topologySchema, type Topology } from '../model';
import { sampleTopology } from '../view/testing';

/**
 * The sample topology with `text` in every field that takes free text: its name and
 * description, tier, host, plane and environment names, descriptions, env values and
 * labels. (Service names and ids are Docker names: the model refuses such text there.)
 */
export function hostileTopology(text: string): Topology {
  const t = sampleTopology({ name: text, description: text });
  t.environments[0]!.name = text;
  for (const plane of t.planes) plane.name = `${plane.id} ${text}`;
  for (const tier of t.tiers) {
    tier.name = `${tier.id} ${text}`;
    tier.description = text;
    for (const host of tier.hosts) {
      host.name = `${host.id} ${text}`;
      host.description = text;
    }
  }
  for (const service of t.services) {
    service.description = text;
    if (service.kind !== 'external') {
      service.env = { ...service.env, HOSTILE: text };
      service.labels = { ...service.labels, note: text };
    }
  }
  return topologySchema.parse(t);
}
