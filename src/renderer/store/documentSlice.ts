import type { OpenedFile } from '../../shared/ipc';
import { historyOf } from './history';
import { errorMessage, loadFailureOf, openedDocument, savedMessage } from './logic';
import type { DocumentSlice, SliceCreator, StoreDeps } from './types';

export function createDocumentSlice(deps: StoreDeps): SliceCreator<DocumentSlice> {
  return (set, get, api) => {
    /** Shows an opened document with a fresh history; a failure leaves the current one open. */
    const open = async (what: () => Promise<OpenedFile | null>, path?: string) => {
      if (get().busy) return;
      set({ busy: 'opening' });
      try {
        const opened = await what();
        if (!opened) return; // the user cancelled the dialog
        set({
          ...openedDocument(opened),
          tierId: null,
          loadFailure: null,
          pathPrompt: null,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          documentKey: get().documentKey + 1,
        });
        historyOf(api).getState().clear();
        // A read-only file shows its notice in the banner; other notices (e.g. migrated) as a status.
        if (opened.notice && !opened.readOnly) get().notify('info', opened.notice);
        void get().refreshLists();
      } catch (error) {
        const failure = loadFailureOf(error, path);
        if (failure) set({ loadFailure: failure, pathPrompt: null });
        else get().notify('error', errorMessage(error));
      } finally {
        set({ busy: null });
      }
    };

    return {
      topology: null,
      path: null,
      name: '',
      readOnly: false,
      notice: undefined,
      savedSnapshot: null,
      dirty: false,
      documentKey: 0,

      openFile: (path) => open(() => deps.call('file.open', path === undefined ? {} : { path }), path),
      openExample: (id) => open(() => deps.call('example.open', { id })),

      async save() {
        const { topology, path, readOnly, busy } = get();
        if (!topology || readOnly || busy) return;
        if (path === null) return get().requestSaveAs();
        set({ busy: 'saving' });
        try {
          const saved = await deps.call('file.save', { path, topology });
          // Edits made while saving stay dirty: the snapshot is what was written.
          set({ savedSnapshot: topology, path: saved.path, name: saved.name });
          get().notify('success', savedMessage(saved));
        } catch (error) {
          get().notify('error', errorMessage(error));
        } finally {
          set({ busy: null });
        }
      },

      async saveAs(path) {
        const { topology, busy } = get();
        if (!topology || busy) return;
        set({ busy: 'saving' });
        try {
          const saved = await deps.call('file.saveAs', path === undefined ? { topology } : { path, topology });
          if (!saved) return; // cancelled
          set({ savedSnapshot: topology, path: saved.path, name: saved.name, readOnly: false, notice: undefined, pathPrompt: null });
          get().notify('success', savedMessage(saved));
          void get().refreshLists();
        } catch (error) {
          get().notify('error', errorMessage(error));
        } finally {
          set({ busy: null });
        }
      },

      closeDocument() {
        set({
          topology: null,
          savedSnapshot: null,
          path: null,
          name: '',
          readOnly: false,
          notice: undefined,
          tierId: null,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          documentKey: get().documentKey + 1,
        });
        historyOf(api).getState().clear();
        void get().refreshLists();
      },

      editTopology(recipe) {
        const { topology, readOnly } = get();
        if (!topology || readOnly) return;
        const next = recipe(topology);
        if (next !== topology) set({ topology: next });
      },
    };
  };
}
