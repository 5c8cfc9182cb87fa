import { memo } from 'react';
import { memoryText, parseCores, parseMemory, parseNumber } from '../../../shared/edit';
import { SERVICE_KINDS, serviceSchema, type Service } from '../../../shared/model';
import { kindLook } from '../../canvas/kinds';
import { useAppStore } from '../../store';
import { CheckField, Field, SelectField, text } from './Field';

/** Every field of one service; each change is checked against the file format before it is kept. */
export const ServiceInspector = memo(function ServiceInspector({ service }: { service: Service }) {
  const update = useAppStore((s) => s.updateService);
  const planes = useAppStore((s) => s.topology?.planes) ?? [];
  const others = useAppStore((s) => s.topology?.services);
  const readOnly = useAppStore((s) => s.readOnly);
  const dependencies = useAppStore((s) => s.topology?.dependencies);
  const dependents = (dependencies ?? []).filter((d) => d.to === service.id).map((d) => d.from);
  const id = service.id;
  /** The first schema problem of the service with this patch, as a sentence. */
  const checkPatch = (patch: Partial<Service>) => {
    const result = serviceSchema.safeParse({ ...service, ...patch });
    if (result.success) return undefined;
    const issue = result.error.issues[0]!;
    return `${issue.path.join('.') || 'service'}: ${issue.message}`;
  };
  const setRes = (what: 'cpu' | 'memoryMiB', end: 'request' | 'limit', value: number | undefined) => {
    const current = { ...service.resources[what] };
    if (value === undefined) delete current[end];
    else current[end] = value;
    return { resources: { ...service.resources, [what]: Object.keys(current).length > 0 ? current : undefined } };
  };
  const cpu = service.resources.cpu;
  const mem = service.resources.memoryMiB;
  return (
    <div className="inspector__body" data-testid="inspector-service">
      <Field label="Name" value={service.name} parse={text(true)} testId="inspect-name" disabled={readOnly}
        check={(v) => (others?.some((o) => o.id !== id && o.name === v) ? `another service is already called "${v}"` : checkPatch({ name: v! }))}
        commit={(v) => update(id, { name: v! })} hint="the container name on the host" />
      <SelectField label="Kind" value={service.kind} disabled={readOnly} testId="inspect-kind" options={SERVICE_KINDS.map((k) => ({ value: k, label: kindLook(k).label }))} onChange={(kind) => update(id, { kind })} />
      {service.kind !== 'external' ? (
        <Field label="Image" value={service.image ?? ''} parse={text(true)} testId="inspect-image" disabled={readOnly} commit={(v) => update(id, { image: v })} />
      ) : null}
      <SelectField label="Plane" value={service.plane ?? ''} disabled={readOnly} testId="inspect-plane" options={[{ value: '', label: '— none —' }, ...planes.map((p) => ({ value: p.id, label: p.name }))]} onChange={(plane) => update(id, { plane: plane || undefined })} />
      {service.kind !== 'external' ? (
        <>
          <fieldset className="inspector__group">
            <legend>CPU</legend>
            <Field label="Request" value={cpu?.request?.toString() ?? ''} parse={(t) => parseCores(t, true)} unit="cores" testId="inspect-cpu-request" disabled={readOnly}
              check={(v) => checkPatch(setRes('cpu', 'request', v))} commit={(v) => update(id, setRes('cpu', 'request', v))} placeholder="none" />
            <Field label="Limit" value={cpu?.limit?.toString() ?? ''} parse={(t) => parseCores(t, true)} unit="cores" testId="inspect-cpu-limit" disabled={readOnly}
              check={(v) => checkPatch(setRes('cpu', 'limit', v))} commit={(v) => update(id, setRes('cpu', 'limit', v))} placeholder="no cap" />
          </fieldset>
          <fieldset className="inspector__group">
            <legend>Memory</legend>
            <Field label="Request" value={memoryText(mem?.request)} parse={(t) => parseMemory(t, true)} unit="MiB/GiB" testId="inspect-memory-request" disabled={readOnly}
              check={(v) => checkPatch(setRes('memoryMiB', 'request', v))} commit={(v) => update(id, setRes('memoryMiB', 'request', v))} placeholder="none" />
            <Field label="Limit" value={memoryText(mem?.limit)} parse={(t) => parseMemory(t, true)} unit="MiB/GiB" testId="inspect-memory-limit" disabled={readOnly}
              check={(v) => checkPatch(setRes('memoryMiB', 'limit', v))} commit={(v) => update(id, setRes('memoryMiB', 'limit', v))} placeholder="no cap" />
          </fieldset>
          <Field label="Replicas" value={String(service.replicas)} parse={(t) => parseNumber(t, { integer: true, min: 0, max: 64 })} testId="inspect-replicas" disabled={readOnly} commit={(v) => update(id, { replicas: v! })} hint="0 = hibernated" />
          <Field label="Ports" value={service.ports.map((p) => (p.published ? `${p.published}:${p.container}` : String(p.container))).join(', ')} parse={parsePorts} testId="inspect-ports" disabled={readOnly}
            commit={(ports) => update(id, { ports })} hint="container, or published:container" />
          <Field label="Health check" value={service.healthCheck?.command.join(' ') ?? ''} parse={text()} testId="inspect-health" disabled={readOnly} placeholder="none"
            commit={(v) => update(id, { healthCheck: v ? { intervalSeconds: 10, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0, ...service.healthCheck, command: v.split(/\s+/) } : undefined })}
            hint={dependents.length > 0 && !service.healthCheck ? `${dependents.join(', ')} depend on it: add one` : 'run inside the container'} />
          <SelectField label="Exposure" value={service.exposure} disabled={readOnly} testId="inspect-exposure" options={[{ value: 'internal', label: 'Internal' }, { value: 'public', label: 'Public' }]} onChange={(exposure) => update(id, { exposure })} />
          <SelectField label="Restart" value={service.restart} disabled={readOnly} testId="inspect-restart" options={(['unless-stopped', 'always', 'on-failure', 'no'] as const).map((r) => ({ value: r, label: r }))} onChange={(restart) => update(id, { restart })} />
          <CheckField label="Keeps state (stateful)" checked={service.stateful} disabled={readOnly} testId="inspect-stateful" onChange={(stateful) => update(id, { stateful })} />
        </>
      ) : null}
      <Field label="Description" value={service.description ?? ''} parse={text()} testId="inspect-description" disabled={readOnly} commit={(v) => update(id, { description: v })} />
    </div>
  );
});

function parsePorts(t: string): { value: Service['ports'] } | { error: string } {
  const parts = t.split(',').map((p) => p.trim()).filter(Boolean);
  const ports: Service['ports'] = [];
  for (const part of parts) {
    const m = /^(?:(\d+):)?(\d+)(\/(tcp|udp))?$/.exec(part);
    const valid = (n: number) => n >= 1 && n <= 65535;
    if (!m || !valid(Number(m[2])) || (m[1] !== undefined && !valid(Number(m[1])))) return { error: `"${part}" is not a port (1–65535), or published:container` };
    ports.push({ container: Number(m[2]), ...(m[1] ? { published: Number(m[1]) } : {}), protocol: (m[4] as 'tcp' | 'udp' | undefined) ?? 'tcp' });
  }
  return { value: ports };
}
