import { useDeferredValue } from 'react';
import { useAppStore } from '../../store';
import { parseEdgeId, parseNodeId } from '../../store/editorSlice';
import { HostInspector } from './HostInspector';
import { DependencyInspector, PlaneInspector, TierInspector } from './OtherInspectors';
import { ServiceInspector } from './ServiceInspector';
import './inspector.css';

/** What is selected, or the current tier when nothing is: every field, validated as you type. */
export function Inspector() {
  // Deferred: selecting a box on a big map must not wait for the inspector. React draws the
  // press at once and fills the inspector in the background, in slices between frames.
  const selection = useDeferredValue(useAppStore((s) => (s.selectedNodeIds.length === 1 && s.selectedEdgeIds.length === 0 ? s.selectedNodeIds[0]! : s.selectedEdgeIds.length === 1 && s.selectedNodeIds.length === 0 ? s.selectedEdgeIds[0]! : s.selectedNodeIds.length + s.selectedEdgeIds.length > 1 ? 'many' : null)));
  const count = useDeferredValue(useAppStore((s) => s.selectedNodeIds.length + s.selectedEdgeIds.length));
  const topology = useAppStore((s) => s.topology);
  const tierId = useAppStore((s) => s.tierId);
  if (!topology) return null;
  const tier = topology.tiers.find((t) => t.id === tierId);
  let title = 'Document';
  let body: React.ReactNode = <p className="inspector__empty">Add a tier to place services on hosts.</p>;
  if (selection === 'many') {
    title = `${count} selected`;
    body = <MultiSelection />;
  } else if (selection?.startsWith('dependency:')) {
    const ends = parseEdgeId(selection);
    const dependency = topology.dependencies.find((d) => d.from === ends?.from && d.to === ends?.to);
    if (dependency) [title, body] = ['Dependency', <DependencyInspector key={selection} dependency={dependency} />];
  } else if (selection) {
    const { kind, id } = parseNodeId(selection);
    const service = kind === 'service' ? topology.services.find((s) => s.id === id) : undefined;
    const host = kind === 'host' ? tier?.hosts.find((h) => h.id === id) : undefined;
    const plane = kind === 'plane' ? topology.planes.find((p) => p.id === id) : undefined;
    if (service) [title, body] = [`Service · ${service.id}`, <ServiceInspector key={selection} service={service} />];
    else if (host && tier) [title, body] = [`Host · ${tier.name}`, <HostInspector key={`${tier.id}/${selection}`} host={host} tierId={tier.id} />];
    else if (plane) [title, body] = ['Plane', <PlaneInspector key={selection} plane={plane} />];
  } else if (tier) {
    [title, body] = ['Tier', <TierInspector key={tier.id} tier={tier} />];
  }
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <h2 className="inspector__title" data-testid="inspector-title">
        {title}
      </h2>
      {body}
    </aside>
  );
}

function MultiSelection() {
  const align = useAppStore((s) => s.align);
  const remove = useAppStore((s) => s.deleteSelection);
  const duplicate = useAppStore((s) => s.duplicate);
  const readOnly = useAppStore((s) => s.readOnly);
  return (
    <div className="inspector__body">
      <div className="inspector__buttons" role="group" aria-label="Align">
        {(['left', 'center', 'right', 'top', 'middle', 'bottom'] as const).map((kind) => (
          <button key={kind} type="button" className="btn btn--small" disabled={readOnly} onClick={() => align(kind)} data-testid={`align-${kind}`}>
            Align {kind}
          </button>
        ))}
      </div>
      <div className="inspector__buttons">
        <button type="button" className="btn btn--small" disabled={readOnly} onClick={duplicate}>
          Duplicate
        </button>
        <button type="button" className="btn btn--small btn--danger" disabled={readOnly} onClick={remove}>
          Delete…
        </button>
      </div>
    </div>
  );
}
