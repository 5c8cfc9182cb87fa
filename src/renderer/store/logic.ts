import type { LoadProblem } from '../../shared/format/errors';
import { IpcError, type OpenedFile, type SavedFile } from '../../shared/ipc';
import type { Topology } from '../../shared/model';
import { reconcileEdges, reconcileNodes } from '../canvas/reconcile';
import { dependencyEdges, flowNodes } from '../canvas/toFlow';
import type { AppState, DocumentSlice, LoadFailure } from './types';

/** The tier to show: the current one if the document still has it, else its first. */
export function pickTier(topology: Topology | null, current: string | null): string | null {
  if (!topology) return null;
  if (current !== null && topology.tiers.some((t) => t.id === current)) return current;
  return topology.tiers[0]?.id ?? null;
}

/** The document fields after opening a file or an example. */
export function openedDocument(
  opened: OpenedFile,
): Pick<DocumentSlice, 'topology' | 'savedSnapshot' | 'path' | 'name' | 'readOnly' | 'notice'> {
  return {
    topology: opened.topology,
    savedSnapshot: opened.topology,
    path: opened.path,
    name: opened.name,
    readOnly: opened.readOnly,
    notice: opened.notice,
  };
}

/** A LOAD_FAILED error as the load-error panel shows it; undefined for any other error. */
export function loadFailureOf(error: unknown, path: string | undefined): LoadFailure | undefined {
  if (!(error instanceof IpcError) || error.code !== 'LOAD_FAILED') return undefined;
  const details = (error.details ?? {}) as { path?: unknown; problems?: unknown };
  const problems = Array.isArray(details.problems) ? details.problems.filter(isProblem) : [];
  return {
    path: typeof details.path === 'string' ? details.path : (path ?? ''),
    message: error.message,
    problems: problems.length > 0 ? problems : [{ code: 'SCHEMA', message: error.message }],
  };
}

function isProblem(value: unknown): value is LoadProblem {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** What the status line says after a save. */
export function savedMessage(saved: SavedFile): string {
  return saved.unchanged ? `No changes: ${saved.name} was left as it was.` : `Saved ${saved.name}.`;
}

/** A sentence for any failure: IpcErrors carry one; anything else is unexpected. */
export function errorMessage(error: unknown): string {
  if (error instanceof IpcError) return error.message;
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}

/**
 * What follows from a change, computed for every state change (undo and redo included):
 * `dirty`, a tier that still exists, React Flow's nodes and edges, and a selection of
 * nodes that are still there.
 */
export function deriveState(next: AppState, previous: AppState): Partial<AppState> | null {
  const patch: Partial<AppState> = {};
  const documentChanged = next.topology !== previous.topology;
  if (documentChanged || next.savedSnapshot !== previous.savedSnapshot) {
    const dirty = next.topology !== null && next.topology !== next.savedSnapshot;
    if (dirty !== next.dirty) patch.dirty = dirty;
  }
  const tierId = documentChanged ? pickTier(next.topology, next.tierId) : next.tierId;
  if (tierId !== next.tierId) patch.tierId = tierId;
  if (documentChanged || tierId !== previous.tierId || next.view !== previous.view) {
    const nodes = reconcileNodes(next.nodes, next.topology ? flowNodes(next.topology, tierId ?? undefined, next.view) : []);
    // A drag or an edit of one field leaves services and dependencies as they were: on a big
    // map, rebuilding and comparing thousands of edges would be most of the drop's work.
    const sameEnds = next.topology?.services === previous.topology?.services && next.topology?.dependencies === previous.topology?.dependencies;
    const edges = sameEnds && next.topology ? next.edges : reconcileEdges(next.edges, next.topology ? dependencyEdges(next.topology) : []);
    if (nodes !== next.nodes) patch.nodes = nodes;
    if (edges !== next.edges) patch.edges = edges;
    const nodeIds = new Set(nodes.map((n) => n.id));
    const edgeIds = new Set(edges.map((e) => e.id));
    // A plane is inspected from the legend in the host view too, where it has no node.
    const planeIds = new Set(next.topology?.planes.map((p) => `plane:${p.id}`));
    const selectedNodeIds = next.selectedNodeIds.filter((id) => nodeIds.has(id) || planeIds.has(id));
    const selectedEdgeIds = next.selectedEdgeIds.filter((id) => edgeIds.has(id));
    if (selectedNodeIds.length !== next.selectedNodeIds.length) patch.selectedNodeIds = selectedNodeIds;
    if (selectedEdgeIds.length !== next.selectedEdgeIds.length) patch.selectedEdgeIds = selectedEdgeIds;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
