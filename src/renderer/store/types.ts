import type { StateCreator } from 'zustand';
import type { LoadProblem } from '../../shared/format/errors';
import type { AppInfo, ChannelName, ExampleInfo, RecentFile, RequestOf, ResponseOf } from '../../shared/ipc';
import type { Topology } from '../../shared/model';
import type { OnEdgesChange, OnNodesChange } from '@xyflow/react';
import type { DependencyEdge, FlowNode, ViewKind } from '../canvas/types';
import type { EditorSlice, RecoverySlice } from './editorTypes';

/** What the store needs from the outside world; tests pass fakes. */
export interface StoreDeps {
  /** A typed call over the contract; throws IpcError on failure. */
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /**
   * Brings the transport up; rejects with a sentence saying how to start the app.
   * `onLost` is called if it goes away later (the bridge stopped).
   */
  connect(onLost: (reason: string) => void): Promise<void>;
  /** Where small renderer preferences (the theme) are kept; absent in tests. */
  preferences?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The open document. Only `topology` enters undo history. */
export interface DocumentSlice {
  topology: Topology | null;
  /** null for an example or a draft: Save asks where to. */
  path: string | null;
  name: string;
  readOnly: boolean;
  notice: string | undefined;
  /** The topology as last opened or saved; `dirty` is `topology !== savedSnapshot`. */
  savedSnapshot: Topology | null;
  /** Derived after every change (undo included); never set it directly. */
  dirty: boolean;
  /** Bumped on every open, so that views can tell a new document from an edit. */
  documentKey: number;

  /** Opens a file; without a path main shows its native dialog. */
  openFile(path?: string): Promise<void>;
  openExample(id: string): Promise<void>;
  /** Saves to the current path, or asks for one (`requestSaveAs`) when there is none. */
  save(): Promise<void>;
  /** Saves under a new path; without one main shows its native dialog. */
  saveAs(path?: string): Promise<void>;
  closeDocument(): void;
  /** Applies one user edit as one undo step; ignored when read-only or nothing is open. */
  editTopology(recipe: (topology: Topology) => Topology): void;
}

export type AppPhase = 'loading' | 'ready' | 'unavailable';
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface StatusMessage {
  id: number;
  kind: 'success' | 'info' | 'error';
  text: string;
}

/** A file that could not be opened, with every problem found (line, column, field). */
export interface LoadFailure {
  path: string;
  message: string;
  problems: LoadProblem[];
}

export interface UiSlice {
  phase: AppPhase;
  /** Why the app cannot reach main (or lost it), and how to start it. */
  unavailableReason: string | undefined;
  appInfo: AppInfo | null;
  /** The tier the canvas shows; null when the document has none. */
  tierId: string | null;
  view: ViewKind;
  theme: ThemeChoice;
  loadFailure: LoadFailure | null;
  statuses: StatusMessage[];
  /** What is in flight (disables the buttons that would start it again). */
  busy: 'opening' | 'saving' | null;
  examples: ExampleInfo[];
  recent: RecentFile[];
  /** Without native dialogs (the browser), Open and Save As ask for a path in the page. */
  pathPrompt: 'open' | 'saveAs' | null;

  /** Connects, then loads app info, the examples and the recent files. */
  boot(): Promise<void>;
  refreshLists(): Promise<void>;
  /** Open…: the native dialog in Electron, the path prompt in the browser. */
  requestOpen(): void;
  /** Save As…: the native dialog in Electron, the path prompt in the browser. */
  requestSaveAs(): void;
  closePathPrompt(): void;
  setTier(tierId: string): void;
  setView(view: ViewKind): void;
  setTheme(theme: ThemeChoice): void;
  notify(kind: StatusMessage['kind'], text: string): void;
  dismissStatus(id: number): void;
  dismissLoadFailure(): void;
}

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  setSelection(nodeIds: string[], edgeIds: string[]): void;
  clearSelection(): void;
}

/** Deploy jobs arrive in a later issue; the slice exists so that the store shape is final. */
export type { DeploySlice } from './deploySlice';
import type { DeploySlice } from './deploySlice';

/** React Flow's nodes and edges: derived from the document, plus what React Flow owns. */
export interface CanvasSlice {
  nodes: FlowNode[];
  edges: DependencyEdge[];
  onNodesChange: OnNodesChange<FlowNode>;
  onEdgesChange: OnEdgesChange<DependencyEdge>;
  /** A box is being dragged or the view moved by the pointer: background work (autosave) waits for its end. */
  pointerGesture: boolean;
  setPointerGesture(active: boolean): void;
}

export type AppState = DocumentSlice & UiSlice & SelectionSlice & DeploySlice & CanvasSlice & EditorSlice & RecoverySlice;

/** The part of the state that undo/redo restores. */
export type DocumentHistory = Pick<AppState, 'topology'>;

export type SliceCreator<Slice> = StateCreator<AppState, [['temporal', unknown]], [], Slice>;
