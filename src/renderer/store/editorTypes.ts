import type { Fragment, DeletionImpact, Deletion } from '../../shared/edit';
import type { HostFlavor } from '../../shared/catalog';
import type { Dependency, Host, Plane, Service, Tier } from '../../shared/model';
import type { Recovered } from '../../shared/ipc';

export type AlignKind = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

/** What a palette item is: dragged onto the canvas, or clicked to add. */
export type PaletteItem = { kind: 'service'; templateId: string } | { kind: 'host'; flavorId: string } | { kind: 'plane' };

/** A deletion waiting for the user to confirm, because it takes other things along. */
export interface PendingDeletion {
  what: Deletion;
  impact: DeletionImpact;
  /** What is being deleted, in words: "db", "3 items". */
  label: string;
}

/** The canvas operations only React Flow can do; the canvas registers them when it mounts. */
export interface CanvasControls {
  zoomIn(): void;
  zoomOut(): void;
  fitView(): void;
  /** Centres the view on a node and zooms in on it. */
  focusNode(nodeId: string): void;
}

/**
 * Every user action of the editor, by name, so that the menu, the command registry, the
 * shortcuts and the buttons all call the same thing. Each edit is one undo step.
 */
export interface EditorSlice {
  clipboard: Fragment | null;
  pendingDeletion: PendingDeletion | null;
  snapToGrid: boolean;
  searchOpen: boolean;
  cheatSheetOpen: boolean;
  customFlavors: HostFlavor[];
  /** Set while an auto-layout runs; `cancelLayout` stops it. */
  layoutRunning: boolean;

  undo(): void;
  redo(): void;
  /** Adds from the palette: a host needs a tier; a service dropped on a host is placed on it. */
  addFromPalette(item: PaletteItem, at?: { hostId?: string | null; position?: { x: number; y: number } }): void;
  placeService(serviceId: string, hostId: string | null, position?: { x: number; y: number }): void;
  /** Ends a drag: positions (and a new host, or plane, for services dropped into one) in one undo step. */
  commitDrag(nodeIds: readonly string[]): void;
  connect(from: string, to: string): void;
  toggleDependencyKind(edgeId: string): void;
  updateService(serviceId: string, patch: Partial<Omit<Service, 'id'>>): void;
  updateHost(hostId: string, patch: Partial<Omit<Host, 'id'>>): void;
  updatePlane(planeId: string, patch: Partial<Omit<Plane, 'id'>>): void;
  updateDependency(from: string, to: string, patch: Partial<Omit<Dependency, 'from' | 'to'>>): void;
  updateTier(tierId: string, patch: Partial<Omit<Tier, 'id' | 'hosts' | 'placements'>>): void;
  /** Deletes the selection, asking first when it takes dependencies or placements along. */
  deleteSelection(): void;
  confirmDeletion(): void;
  cancelDeletion(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  align(kind: AlignKind): void;
  toggleSnapToGrid(): void;
  addTier(): void;
  duplicateTier(tierId?: string): void;
  renameTier(tierId: string, name: string): void;
  moveTier(tierId: string, delta: number): void;
  deleteTier(tierId?: string): void;
  switchView(view: 'host' | 'plane'): void;
  toggleTheme(): void;
  find(): void;
  closeFind(): void;
  /** Selects a node and brings it into view (search results). */
  revealNode(nodeId: string): void;
  toggleCheatSheet(open?: boolean): void;
  zoomIn(): void;
  zoomOut(): void;
  fitView(): void;
  registerCanvas(controls: CanvasControls | null): void;
  addCustomFlavor(flavor: HostFlavor): void;
  autoLayout(): Promise<void>;
  cancelLayout(): void;
  /** Puts the canvas back where the document says (after a drag that changed nothing). */
  resetCanvas(): void;
}

/** Never lose work: what the last session left, and the autosave state. */
export interface RecoverySlice {
  /** Work found at start that was never saved; the start screen offers it. */
  recovered: Recovered | null;
  /** From the settings: at most this long between recovery copies while edits go on; 0 = no autosave. */
  autosaveIntervalSeconds: number;
  setAutosaveInterval(seconds: number): void;
  checkRecovery(): Promise<void>;
  restoreRecovered(): void;
  discardRecovered(): Promise<void>;
  /** Writes the dirty document to the recovery file now (autosave calls this, debounced). */
  autosave(): Promise<void>;
}
