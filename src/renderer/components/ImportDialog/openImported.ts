import type { Topology } from '../../../shared/model';
import { useAppStore } from '../../store';
import { historyOf } from '../../store/history';

/** Shows an imported topology as a new, unsaved document: Save asks where it goes. */
export function openImported(topology: Topology, name: string): void {
  useAppStore.setState({
    topology,
    savedSnapshot: null,
    path: null,
    name,
    readOnly: false,
    notice: undefined,
    tierId: null,
    selectedNodeIds: [],
    selectedEdgeIds: [],
    loadFailure: null,
    documentKey: useAppStore.getState().documentKey + 1,
  });
  historyOf(useAppStore).getState().clear();
}
