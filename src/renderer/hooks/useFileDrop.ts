import { useEffect } from 'react';
import { useTransferDialogs } from '../commands/exportCommands';
import { useAppStore } from '../store';

/** Topology files only; docker-compose files dropped on the window are the importer's. */
export const TOPOLOGY_FILE = /\.stackdraft\.ya?ml$/i;

/** What the desktop preload adds: the path of a dropped file (Electron hides File.path). */
interface FileGlobals {
  stackdraftFiles?: { pathForFile(file: File): string };
}

/** The path of a dropped topology file, from the preload or a `file://` URI; null if unknown. */
export function droppedTopologyPath(data: DataTransfer, pathForFile?: (file: File) => string): { path: string | null; name: string } | null {
  const file = [...data.files].find((f) => TOPOLOGY_FILE.test(f.name));
  const uris = (data.getData('text/uri-list') || '').split(/\r?\n/).filter((line) => line && !line.startsWith('#'));
  const uri = uris.find((line) => line.startsWith('file://') && TOPOLOGY_FILE.test(line));
  if (!file && !uri) return null;
  if (file && pathForFile) {
    const path = pathForFile(file);
    if (path) return { path, name: file.name };
  }
  if (uri) {
    const path = decodeURIComponent(new URL(uri).pathname);
    return { path, name: path.split('/').pop() ?? path };
  }
  return { path: null, name: file!.name };
}

/** Any other YAML file dropped is taken for a docker-compose file: the importer reads it in the page. */
export function droppedComposeFile(data: DataTransfer): File | null {
  return [...data.files].find((f) => /\.ya?ml$/i.test(f.name) && !TOPOLOGY_FILE.test(f.name)) ?? null;
}

/** Opening a .stackdraft.yaml, or importing a compose file, by dropping it anywhere on the window. */
export function useFileDrop(): void {
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') || event.dataTransfer?.types.includes('text/uri-list');
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer) return;
      const dropped = droppedTopologyPath(event.dataTransfer, (window as unknown as FileGlobals).stackdraftFiles?.pathForFile);
      if (!dropped) {
        const compose = droppedComposeFile(event.dataTransfer);
        if (!compose) return; // not ours
        event.preventDefault();
        compose.text().then(
          (text) => useTransferDialogs.getState().importDropped({ name: compose.name, text }),
          (error: unknown) => useAppStore.getState().notify('error', `${compose.name}: cannot read: ${(error as Error).message}`),
        );
        return;
      }
      event.preventDefault();
      const store = useAppStore.getState();
      if (dropped.path === null) {
        store.notify('error', `${dropped.name}: the browser does not tell Stackdraft where this file is. Use Open… and type its path, or drop it on the desktop app.`);
        return;
      }
      void store.openFile(dropped.path);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
