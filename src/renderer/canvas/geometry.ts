import { CANVAS_GEOMETRY } from '../../shared/view/canvas-layout';

/**
 * Sizes of the canvas boxes. The layout lives in `src/shared/view/canvas-layout.ts` (the
 * SVG export draws the same picture); the node components' CSS must fit these sizes
 * (e.g. `.host__head` is a little shorter than the host header, which leaves the gap
 * above the first row of services).
 */
export const { SERVICE_WIDTH, SERVICE_HEIGHT, EXTERNAL_HEIGHT, HOST_HEADER_HEIGHT } = CANVAS_GEOMETRY;
