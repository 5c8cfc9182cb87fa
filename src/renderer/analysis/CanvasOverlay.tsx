import { useStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useMemo, type CSSProperties } from 'react';
import { blastRadius, coldStartPhases, type BlastRadius } from '../../shared/analysis';
import { drawnRect, selectDrawnNodes } from '../canvas/edgePath';
import type { Rect as Box } from '../canvas/floating';
import { hostNodeId, serviceNodeId } from '../canvas/toFlow';
import { useAppStore } from '../store';
import { useAnalysisUi } from './analysisStore';
import { badgesByNode } from './nodeFindings';
import { useFindings } from './useFindings';
import './analysis.css';

/** Where each canvas node is drawn, in flow coordinates (nested nodes resolved). */
function useBoxes(): (id: string) => Box | undefined {
  useStore(selectDrawnNodes);
  const lookup = useStoreApi().getState().nodeLookup;
  return (id) => {
    const node = lookup.get(id);
    return node && drawnRect(node);
  };
}

const at = (box: Box, style: CSSProperties = {}): CSSProperties => ({ position: 'absolute', transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height, ...style });

/** Finding badges on nodes, and the cold-start or what-if layer, drawn over the canvas. */
export function CanvasOverlay() {
  const findings = useFindings();
  const overlay = useAnalysisUi((s) => s.overlay);
  const boxOf = useBoxes();
  const badges = useMemo(() => badgesByNode(findings), [findings]);
  return (
    <ViewportPortal>
      <div className="analysis-layer">
        {[...badges].map(([id, badge]) => {
          const box = boxOf(id);
          if (!box) return null;
          return (
            <div key={id} className="analysis-badge-anchor" style={at(box)}>
              <span
                className={`analysis-badge analysis-badge--${badge.worst}`}
                data-testid={`finding-badge-${id}`}
                data-severity={badge.worst}
                title={badge.titles.join('\n')}
              >
                {badge.count}
              </span>
            </div>
          );
        })}
        {overlay === 'cold-start' ? <ColdStartLayer boxOf={boxOf} /> : null}
        {overlay === 'what-if' ? <WhatIfLayer boxOf={boxOf} /> : null}
      </div>
    </ViewportPortal>
  );
}

function ColdStartLayer({ boxOf }: { boxOf: (id: string) => Box | undefined }) {
  const topology = useAppStore((s) => s.topology);
  const tierId = useAppStore((s) => s.tierId);
  const plan = useMemo(() => (topology && tierId ? coldStartPhases(topology, tierId) : undefined), [topology, tierId]);
  if (!plan) return null;
  return (
    <>
      {plan.phases.flatMap((phase, i) =>
        phase.map(({ service }) => {
          const box = boxOf(serviceNodeId(service));
          return box ? (
            <div key={service} className="analysis-badge-anchor" style={at(box)}>
              <span className="analysis-phase" data-testid={`phase-badge-${service}`} title={`Starts in phase ${i}`}>
                {i}
              </span>
            </div>
          ) : null;
        }),
      )}
      {plan.blocked.map(({ service }) => {
        const box = boxOf(serviceNodeId(service));
        return box ? (
          <div key={service} className="analysis-badge-anchor" style={at(box)}>
            <span className="analysis-phase analysis-phase--blocked" data-testid={`phase-badge-${service}`} title="Never starts: waits on a hard-dependency cycle">
              ∞
            </span>
          </div>
        ) : null;
      })}
    </>
  );
}

/** The selected node as a failure target: a host or a service. */
function failureTarget(nodeId: string | undefined): { kind: 'host' | 'service'; id: string } | undefined {
  if (!nodeId) return undefined;
  const [kind, id] = nodeId.split(':') as [string, string];
  return kind === 'host' || kind === 'service' ? { kind, id } : undefined;
}

/** The blast radius of the selected host or service in the tier on the canvas. */
export function useWhatIf(): BlastRadius | undefined {
  const topology = useAppStore((s) => s.topology);
  const tierId = useAppStore((s) => s.tierId);
  const selected = useAppStore((s) => s.selectedNodeIds[0]);
  return useMemo(() => {
    const target = failureTarget(selected);
    return topology && tierId && target ? blastRadius(topology, tierId, target) : undefined;
  }, [topology, tierId, selected]);
}

function WhatIfLayer({ boxOf }: { boxOf: (id: string) => Box | undefined }) {
  const radius = useWhatIf();
  if (!radius) return null;
  const failedHost = radius.target.kind === 'host' ? [hostNodeId(radius.target.id)] : [];
  return (
    <>
      {[...failedHost, ...radius.down.map((d) => serviceNodeId(d.service))].map((id) => {
        const box = boxOf(id);
        return box ? <div key={id} className="analysis-down" data-testid={`whatif-down-${id}`} style={at(box)} /> : null;
      })}
      {radius.degraded.map((d) => {
        const id = serviceNodeId(d.service);
        const box = boxOf(id);
        return box ? <div key={id} className="analysis-degraded" data-testid={`whatif-degraded-${id}`} title={`Degrades: needs ${d.because.join(', ')}`} style={at(box)} /> : null;
      })}
    </>
  );
}
