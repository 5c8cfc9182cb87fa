import type { ReactFlowState } from '@xyflow/react';
import { createContext, useContext } from 'react';

/** Below this zoom a box's small print cannot be read: each box is drawn as one element instead. */
export const FAR_ZOOM = 0.4;

/** React Flow selector: true only while zoomed out past FAR_ZOOM, so a pan never changes it. */
export const isFarZoom = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed far out. Given by the canvas (one store subscription) rather
 * than read by each of 1,000+ nodes, whose selectors would otherwise all run on every pan frame.
 */
export const FarContext = createContext(false);

export const useFar = (): boolean => useContext(FarContext);
