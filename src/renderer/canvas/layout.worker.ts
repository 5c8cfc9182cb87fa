/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

/** Runs ELK off the main thread, so that a large layout never freezes the canvas. */
const elk = new ELK();
self.onmessage = (event: MessageEvent<ElkNode>) => {
  elk.layout(event.data).then(
    (result) => self.postMessage({ ok: true, result }),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
