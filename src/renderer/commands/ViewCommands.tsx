import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { commands } from './registry';

const ZOOM_DURATION_MS = 150;

/** Zoom commands need the canvas's React Flow instance: rendered inside its provider. */
export function ViewCommands() {
  const flow = useReactFlow();
  useEffect(
    () =>
      commands.register(
        { id: 'view.zoomIn', run: () => void flow.zoomIn({ duration: ZOOM_DURATION_MS }) },
        { id: 'view.zoomOut', run: () => void flow.zoomOut({ duration: ZOOM_DURATION_MS }) },
        { id: 'view.fitView', run: () => void flow.fitView({ duration: ZOOM_DURATION_MS, padding: 0.1 }) },
        { id: 'view.actualSize', run: () => void flow.zoomTo(1, { duration: ZOOM_DURATION_MS }) },
      ),
    [flow],
  );
  return null;
}
