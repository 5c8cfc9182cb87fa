import { HOST_FLAVORS, serviceTemplate, type HostFlavor } from '../../shared/catalog';
import * as edit from '../../shared/edit';
import { hostViewKey, PLANE_VIEW_KEY, type Topology } from '../../shared/model';
import { reconcileEdges, reconcileNodes } from '../canvas/reconcile';
import { toFlow } from '../canvas/toFlow';
import { alignPositions } from './align';
import { applyDrag } from './dragLogic';
import type { CanvasControls, EditorSlice } from './editorTypes';
import { historyOf } from './history';
import { runAutoLayout } from './layoutRunner';
import type { AppState, SliceCreator, StoreDeps } from './types';

const FLAVORS_KEY = 'stackdraft.customFlavors';
const SNAP_KEY = 'stackdraft.snapToGrid';

/** The ids behind React Flow ids: `service:db` → db, `dependency:a->b` → {from a, to b}. */
export function parseNodeId(nodeId: string): { kind: string; id: string } {
  const at = nodeId.indexOf(':');
  return { kind: nodeId.slice(0, at), id: nodeId.slice(at + 1) };
}
export function parseEdgeId(edgeId: string): { from: string; to: string } | undefined {
  const match = /^dependency:(.+)->(.+)$/.exec(edgeId);
  return match ? { from: match[1]!, to: match[2]! } : undefined;
}

function selected(state: AppState, kind: string): string[] {
  return state.selectedNodeIds.map(parseNodeId).filter((n) => n.kind === kind).map((n) => n.id);
}

function readFlavors(deps: StoreDeps): HostFlavor[] {
  try {
    const parsed: unknown = JSON.parse(deps.preferences?.getItem(FLAVORS_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as HostFlavor[]).filter((f) => typeof f?.id === 'string' && f.cpu > 0 && f.memoryMiB > 0) : [];
  } catch {
    return [];
  }
}

export function createEditorSlice(deps: StoreDeps): SliceCreator<EditorSlice> {
  return (set, get, api) => {
    let canvas: CanvasControls | null = null;
    let layoutAbort: AbortController | null = null;
    const history = () => historyOf(api).getState();
    /** One edit = one undo step; ignored without a document or when it is read-only. */
    const apply = (recipe: (t: Topology) => Topology) => get().editTopology(recipe);
    const tierId = () => get().tierId;
    const selectNodes = (ids: string[]) => get().setSelection(ids, []);

    return {
      clipboard: null,
      pendingDeletion: null,
      snapToGrid: deps.preferences?.getItem(SNAP_KEY) !== 'false',
      searchOpen: false,
      cheatSheetOpen: false,
      customFlavors: readFlavors(deps),
      layoutRunning: false,

      undo: () => history().undo(),
      redo: () => history().redo(),

      addFromPalette(item, at = {}) {
        const topology = get().topology;
        if (!topology || get().readOnly) return;
        switch (item.kind) {
          case 'service': {
            const template = serviceTemplate(item.templateId);
            if (!template) return;
            const { topology: next, serviceId } = edit.addService(topology, template, { tierId: tierId(), hostId: at.hostId ?? null });
            apply(() => next);
            selectNodes([`service:${serviceId}`]);
            return;
          }
          case 'host': {
            const flavor = [...HOST_FLAVORS, ...get().customFlavors].find((f) => f.id === item.flavorId);
            const tier = tierId();
            if (!flavor) return;
            if (!tier) return get().notify('error', 'Add a tier first: hosts belong to a tier.');
            const added = edit.addHost(topology, tier, flavor, at.position);
            if (!added) return;
            if (get().view !== 'host') set({ view: 'host' });
            apply(() => added.topology);
            selectNodes([`host:${added.hostId}`]);
            return;
          }
          case 'plane': {
            const { topology: next, planeId } = edit.addPlane(topology);
            apply(() => next);
            set({ selectedNodeIds: [`plane:${planeId}`], selectedEdgeIds: [] });
            return;
          }
        }
      },

      placeService(serviceId, hostId, position) {
        const tier = tierId();
        if (tier) apply((t) => edit.placeService(t, tier, serviceId, hostId, position));
      },

      commitDrag(nodeIds) {
        const { topology, nodes, view } = get();
        if (!topology) return;
        const next = applyDrag(topology, nodes, nodeIds, view, tierId());
        if (next !== topology && !get().readOnly) apply(() => next);
        else get().resetCanvas();
      },

      connect(from, to) {
        const topology = get().topology;
        if (!topology || get().readOnly) return;
        const result = edit.connect(topology, from, to);
        if ('error' in result) return get().notify('error', result.error);
        apply(() => result.topology);
        set({ selectedNodeIds: [], selectedEdgeIds: [`dependency:${from}->${to}`] });
      },

      toggleDependencyKind(edgeId) {
        const dep = parseEdgeId(edgeId);
        if (dep) apply((t) => edit.toggleDependencyKind(t, dep.from, dep.to));
      },

      updateService: (serviceId, patch) => apply((t) => edit.updateService(t, serviceId, patch)),
      updateHost(hostId, patch) {
        const tier = tierId();
        if (tier) apply((t) => edit.updateHost(t, tier, hostId, patch));
      },
      updatePlane: (planeId, patch) => apply((t) => edit.updatePlane(t, planeId, patch)),
      updateDependency: (from, to, patch) => apply((t) => edit.updateDependency(t, from, to, patch)),
      updateTier: (id, patch) => apply((t) => edit.updateTier(t, id, (tier) => ({ ...tier, ...patch }))),

      deleteSelection() {
        const state = get();
        if (!state.topology || state.readOnly) return;
        const what: edit.Deletion = {
          services: selected(state, 'service'),
          hosts: selected(state, 'host'),
          planes: selected(state, 'plane'),
          dependencies: state.selectedEdgeIds.map(parseEdgeId).filter((d) => d !== undefined),
        };
        const count = what.services!.length + what.hosts!.length + what.planes!.length + what.dependencies!.length;
        if (count === 0) return;
        const impact = edit.deletionImpact(state.topology, state.tierId, what);
        const takesAlong = impact.dependencies.length + impact.unplaced.length + impact.withoutPlane.length > 0;
        const only = [...what.services!, ...what.hosts!, ...what.planes!];
        const label = count === 1 && only.length === 1 ? `"${only[0]}"` : `${count} items`;
        if (takesAlong) set({ pendingDeletion: { what, impact, label } });
        else {
          apply((t) => edit.deleteItems(t, state.tierId, what));
          set({ selectedNodeIds: [], selectedEdgeIds: [] });
        }
      },
      confirmDeletion() {
        const pending = get().pendingDeletion;
        if (!pending) return;
        apply((t) => edit.deleteItems(t, tierId(), pending.what));
        set({ pendingDeletion: null, selectedNodeIds: [], selectedEdgeIds: [] });
      },
      cancelDeletion: () => set({ pendingDeletion: null }),

      copy() {
        const state = get();
        if (!state.topology) return;
        const fragment = edit.copyFragment(state.topology, state.tierId, selected(state, 'service'), selected(state, 'host'));
        if (fragment) set({ clipboard: fragment });
      },
      cut() {
        get().copy();
        get().deleteSelection();
      },
      paste() {
        const { topology, clipboard, readOnly } = get();
        if (!topology || !clipboard || readOnly) return;
        const pasted = edit.pasteFragment(topology, tierId(), clipboard);
        apply(() => pasted.topology);
        selectNodes([...pasted.hostIds.map((id) => `host:${id}`), ...pasted.serviceIds.filter((id) => get().nodes.some((n) => n.id === `service:${id}`)).map((id) => `service:${id}`)]);
      },
      duplicate() {
        // Duplicate is copy + paste that leaves the clipboard as it was.
        const saved = get().clipboard;
        get().copy();
        if (get().clipboard !== saved) get().paste();
        set({ clipboard: saved });
      },
      selectAll() {
        selectNodes(get().nodes.filter((n) => n.selectable !== false).map((n) => n.id));
      },
      align(kind) {
        const { nodes, selectedNodeIds, view } = get();
        const viewKey = view === 'plane' ? PLANE_VIEW_KEY : tierId() ? hostViewKey(tierId()!) : null;
        const moved = alignPositions(nodes.filter((n) => selectedNodeIds.includes(n.id)), kind);
        if (viewKey && Object.keys(moved).length > 0) apply((t) => edit.setPositions(t, viewKey, moved));
      },
      toggleSnapToGrid() {
        const snapToGrid = !get().snapToGrid;
        deps.preferences?.setItem(SNAP_KEY, String(snapToGrid));
        set({ snapToGrid });
      },

      addTier() {
        const topology = get().topology;
        if (!topology || get().readOnly) return;
        const added = edit.addTier(topology);
        apply(() => added.topology);
        set({ tierId: added.tierId });
      },
      duplicateTier(id = tierId() ?? undefined) {
        const topology = get().topology;
        if (!topology || !id || get().readOnly) return;
        const copy = edit.duplicateTier(topology, id);
        if (!copy) return;
        apply(() => copy.topology);
        set({ tierId: copy.tierId });
      },
      renameTier: (id, name) => apply((t) => edit.renameTier(t, id, name)),
      moveTier: (id, delta) => apply((t) => edit.moveTier(t, id, delta)),
      deleteTier(id = tierId() ?? undefined) {
        if (!id) return;
        const index = get().topology?.tiers.findIndex((t) => t.id === id) ?? -1;
        apply((t) => edit.deleteTier(t, id));
        const tiers = get().topology?.tiers ?? [];
        const neighbour = tiers[Math.min(index, tiers.length - 1)];
        if (neighbour) set({ tierId: neighbour.id });
      },

      switchView: (view) => get().setView(view),
      toggleTheme() {
        const dark = get().theme === 'dark' || (get().theme === 'system' && typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches);
        get().setTheme(dark ? 'light' : 'dark');
      },
      find: () => set({ searchOpen: true }),
      closeFind: () => set({ searchOpen: false }),
      revealNode(nodeId) {
        selectNodes([nodeId]);
        set({ searchOpen: false });
        canvas?.focusNode(nodeId);
      },
      toggleCheatSheet: (open) => set({ cheatSheetOpen: open ?? !get().cheatSheetOpen }),
      zoomIn: () => canvas?.zoomIn(),
      zoomOut: () => canvas?.zoomOut(),
      fitView: () => canvas?.fitView(),
      registerCanvas(controls) {
        canvas = controls;
      },
      addCustomFlavor(flavor) {
        const customFlavors = [...get().customFlavors.filter((f) => f.id !== flavor.id), flavor];
        deps.preferences?.setItem(FLAVORS_KEY, JSON.stringify(customFlavors));
        set({ customFlavors });
      },

      async autoLayout() {
        const { topology, view, nodes, edges } = get();
        const tier = tierId();
        const viewKey = view === 'plane' ? PLANE_VIEW_KEY : tier ? hostViewKey(tier) : null;
        if (!topology || !viewKey || get().readOnly) return;
        layoutAbort?.abort();
        const abort = new AbortController();
        layoutAbort = abort;
        set({ layoutRunning: true });
        try {
          const positions = await runAutoLayout(nodes, edges, abort.signal);
          if (abort.signal.aborted || get().topology !== topology) return;
          apply((t) => edit.setPositions(t, viewKey, positions));
          canvas?.fitView();
        } catch (error) {
          if (!abort.signal.aborted) get().notify('error', `Auto-layout failed: ${(error as Error).message}`);
        } finally {
          if (layoutAbort === abort) {
            layoutAbort = null;
            set({ layoutRunning: false });
          }
        }
      },
      cancelLayout() {
        layoutAbort?.abort();
        layoutAbort = null;
        set({ layoutRunning: false });
      },

      resetCanvas() {
        const { topology, view, nodes, edges } = get();
        const flow = topology ? toFlow(topology, tierId() ?? undefined, view) : { nodes: [], edges: [] };
        set({ nodes: reconcileNodes(nodes, flow.nodes), edges: reconcileEdges(edges, flow.edges) });
      },
    };
  };
}
