/** A host size a provider sells: what a new host from the palette starts as. */
export interface HostFlavor {
  /** `provider/flavor`, unique in the catalog. */
  id: string;
  provider: string;
  flavor: string;
  cpu: number;
  memoryMiB: number;
  diskGiB: number;
  /** Per month, in `currency`. */
  monthlyCost: number;
  currency: string;
  /** Set for flavors the user added. */
  custom?: boolean;
}

const GiB = 1024;
const f = (provider: string, flavor: string, cpu: number, memoryGiB: number, diskGiB: number, monthlyCost: number): HostFlavor => ({
  id: `${provider.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${flavor}`,
  provider,
  flavor,
  cpu,
  memoryMiB: memoryGiB * GiB,
  diskGiB,
  monthlyCost,
  currency: 'EUR',
});

/**
 * Flavors the seeds name (SysEleven m2.*, Hetzner cax11) and their neighbours. Prices
 * are list prices in EUR at the time of writing; users correct them in the inspector or
 * add their own flavors.
 */
export const HOST_FLAVORS: readonly HostFlavor[] = [
  f('SysEleven', 'm2.small', 2, 8, 50, 64),
  f('SysEleven', 'm2.medium', 4, 16, 50, 128),
  f('SysEleven', 'm2.large', 8, 32, 50, 256),
  f('SysEleven', 'm2.xlarge', 16, 64, 50, 512),
  f('Hetzner', 'cax11', 2, 4, 40, 3.79),
  f('Hetzner', 'cax21', 4, 8, 80, 6.49),
  f('Hetzner', 'cax31', 8, 16, 160, 12.49),
  f('Hetzner', 'cx22', 2, 4, 40, 3.79),
  f('Hetzner', 'cx32', 4, 8, 80, 6.8),
  f('Hetzner', 'cx42', 8, 16, 160, 16.4),
  f('Hetzner', 'cpx21', 3, 4, 80, 7.55),
  f('Hetzner', 'cpx31', 4, 8, 160, 13.1),
];

/** A user's own flavor, checked like any input: a clear sentence per wrong field. */
export function customFlavor(input: { provider: string; flavor: string; cpu: number; memoryMiB: number; diskGiB: number; monthlyCost: number; currency?: string }): HostFlavor {
  const problems: string[] = [];
  if (input.flavor.trim() === '') problems.push('flavor: needs a name');
  if (!(input.cpu > 0)) problems.push('cpu: must be more than 0 vCPU');
  if (!(Number.isInteger(input.memoryMiB) && input.memoryMiB > 0)) problems.push('memory: must be a whole number of MiB above 0');
  if (!(input.diskGiB >= 0)) problems.push('disk: must not be negative');
  if (!(input.monthlyCost >= 0)) problems.push('price: must not be negative');
  if (problems.length > 0) throw new Error(`Cannot add this flavor: ${problems.join('; ')}.`);
  const provider = input.provider.trim() || 'Custom';
  return { ...f(provider, input.flavor.trim(), input.cpu, input.memoryMiB / GiB, input.diskGiB, input.monthlyCost), memoryMiB: input.memoryMiB, currency: input.currency ?? 'EUR', custom: true };
}
