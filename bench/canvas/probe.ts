/**
 * Runs in the page before any of its scripts (Playwright `addInitScript`): records
 * requestAnimationFrame deltas and how many React components rendered, by
 * posing as React DevTools — React's production build reports every commit to that hook,
 * so neither page needs a special build to be counted.
 */
export interface ProbeReadout {
  frames: number[];
  renders: number;
  commits: number;
}

declare global {
  interface Window {
    __probe: { start(): void; stop(): ProbeReadout };
  }
}

export function installProbe(): void {
  interface Fiber {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  }
  // Function, class, forwardRef and simple memo components: the fibers that run user code.
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const PERFORMED_WORK = 1;
  let recording = false;
  let renders = 0;
  let commits = 0;
  let frames: number[] = [];
  let last = 0;

  // As React DevTools does: a subtree whose child list was not re-created did not render.
  const count = (next: Fiber, prev: Fiber | null): void => {
    if (COMPONENT_TAGS.has(next.tag) && (prev === null || (next.flags & PERFORMED_WORK) !== 0)) renders++;
    if (prev !== null && next.child === prev.child) return;
    for (let child = next.child; child; child = child.sibling) count(child, child.alternate);
  };

  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (!recording) return;
      commits++;
      count(root.current, root.current.alternate);
    },
  };
  const tick = (time: number) => {
    if (recording && last > 0) frames.push(time - last);
    last = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  window.__probe = {
    start() {
      renders = commits = 0;
      frames = [];
      last = 0;
      recording = true;
    },
    stop() {
      recording = false;
      return { frames, renders, commits };
    },
  };
}
