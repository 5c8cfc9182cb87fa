import { memo } from 'react';
import { memoryText, parseMemory, parseNumber, type Parsed } from '../../../shared/edit';
import { type Host } from '../../../shared/model';
import { formatPercent } from '../../../shared/view/format';
import { hostCapacity } from '../../../shared/view/capacity';
import { useAppStore } from '../../store';
import { CheckField, Field, SelectField, text } from './Field';

/** A host of the current tier: size, price, environment, network and SSH target. */
export const HostInspector = memo(function HostInspector({ host, tierId }: { host: Host; tierId: string }) {
  const update = useAppStore((s) => s.updateHost);
  const environments = useAppStore((s) => s.topology?.environments) ?? [];
  const currency = useAppStore((s) => s.topology?.currency ?? 'EUR');
  const readOnly = useAppStore((s) => s.readOnly);
  const topology = useAppStore((s) => s.topology);
  const tier = topology?.tiers.find((t) => t.id === tierId);
  const capacity = tier && topology ? hostCapacity(topology, tier, host.id) : undefined;
  const id = host.id;
  const ssh = host.ssh ?? { address: '', port: 22, user: 'deploy' };
  return (
    <div className="inspector__body" data-testid="inspector-host">
      <Field label="Name" value={host.name} parse={text(true)} testId="inspect-host-name" disabled={readOnly} commit={(v) => update(id, { name: v! })} />
      <SelectField label="Environment" value={host.environment} disabled={readOnly} testId="inspect-host-environment" options={environments.map((e) => ({ value: e.id, label: e.name }))} onChange={(environment) => update(id, { environment })} />
      <Field label="Provider" value={host.provider ?? ''} parse={text()} testId="inspect-host-provider" disabled={readOnly} commit={(v) => update(id, { provider: v })} />
      <Field label="Flavor" value={host.flavor ?? ''} parse={text()} testId="inspect-host-flavor" disabled={readOnly} commit={(v) => update(id, { flavor: v })} />
      <Field label="CPU" value={String(host.cpu)} parse={(t) => parseNumber(t, { min: 0.01, max: 1024 })} unit="vCPU" testId="inspect-host-cpu" disabled={readOnly} commit={(v) => update(id, { cpu: v! })}
        hint={capacity ? `limits ${formatPercent(capacity.cpu.limitRatio)} · requests ${formatPercent(capacity.cpu.requestRatio)}` : undefined} />
      <Field label="Memory" value={memoryText(host.memoryMiB)} parse={(t) => parseMemory(t)} unit="MiB/GiB" testId="inspect-host-memory" disabled={readOnly} commit={(v) => update(id, { memoryMiB: v! })}
        hint={capacity ? `limits ${formatPercent(capacity.memoryMiB.limitRatio)} · requests ${formatPercent(capacity.memoryMiB.requestRatio)}` : undefined} />
      <Field label="Disk" value={host.diskGiB?.toString() ?? ''} parse={(t) => parseNumber(t, { min: 1, optional: true })} unit="GiB" testId="inspect-host-disk" disabled={readOnly} commit={(v) => update(id, { diskGiB: v })} />
      <Field label="Price" value={host.monthlyCost?.toString() ?? ''} parse={(t) => parseNumber(t, { min: 0, optional: true })} unit={`${currency}/mo`} testId="inspect-host-cost" disabled={readOnly} commit={(v) => update(id, { monthlyCost: v })} />
      <CheckField label="Public IP address" checked={host.publicIp} disabled={readOnly} testId="inspect-host-public" onChange={(publicIp) => update(id, { publicIp })} />
      <SelectField label="Role" value={host.role} disabled={readOnly} testId="inspect-host-role" options={[{ value: 'active', label: 'Active' }, { value: 'standby', label: 'Standby (runs nothing)' }]} onChange={(role) => update(id, { role })} />
      <fieldset className="inspector__group">
        <legend>SSH</legend>
        <Field label="Address" value={ssh.address} parse={(t) => (t.trim() === '' ? { value: undefined } : /^[A-Za-z0-9.:_[\]-]+$/.test(t.trim()) ? { value: t.trim() } : { error: 'must be a host name or IP address' })}
          testId="inspect-host-ssh-address" disabled={readOnly} placeholder="vm.example" commit={(address) => update(id, { ssh: address ? { ...ssh, address } : undefined })} />
        <Field label="Port" value={String(ssh.port)} parse={(t) => parseNumber(t, { integer: true, min: 1, max: 65535 })} testId="inspect-host-ssh-port" disabled={readOnly || !host.ssh} commit={(port) => host.ssh && update(id, { ssh: { ...host.ssh, port: port! } })} />
        <Field label="User" value={ssh.user} parse={(t): Parsed<string | undefined> => (/^[a-z_][a-z0-9_-]{0,31}$/.test(t.trim()) ? { value: t.trim() } : { error: 'must be a valid user name' })} testId="inspect-host-ssh-user" disabled={readOnly || !host.ssh}
          commit={(user) => host.ssh && update(id, { ssh: { ...host.ssh, user: user ?? host.ssh.user } })} />
      </fieldset>
    </div>
  );
});
