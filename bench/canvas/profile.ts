/**
 * Where the canvas spends its time: opens the generated 1,000-service file in an unminified
 * build of the renderer and records a CPU profile (Chrome DevTools protocol) of the opening
 * and of a drag, then prints the functions with the most self time. Not a benchmark — a
 * tool for finding what to fix: `npx tsx bench/canvas/profile.ts [open|drag|press|drop|pan|renders|trace|layers] [zoomed]`
 * (`renders`: which components each React commit of a drag (`panning`: a pan) rendered; `trace`: a drag's
 * (`panning`: a pan's, `press`: a press's, `drop`: a drop's) native work — style, layout, paint, raster —
 * per thread; `layers`: every compositing layer and why it is one (`layers drag`: while a box is dragged);
 * `css`: with the style rules of PROFILE_CSS added; `zoomed`: at 100 %). Before measuring, a short drag
 * out and back warms the JIT, as the bench does (PROFILE_WARM=0: not).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBridgeApp } from '../../src/main/bridge/app';
import { serializeTopology } from '../../src/shared/format';
import { generateTopology } from '../generate-topology';
import { serveDirectory } from './serve';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const phases = process.argv.slice(2);
const work = await mkdtemp(join(tmpdir(), 'stackdraft-canvas-profile-'));
const file = join(work, 'bench.stackdraft.yaml');
await writeFile(file, serializeTopology(generateTopology(100, 100)));
await build({
  configFile: false,
  root: join(root, 'src/renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: join(work, 'renderer'), emptyOutDir: true, minify: false },
});
const server = await serveDirectory(join(work, 'renderer'));
const bridge = await startBridgeApp({ allowedOrigins: [server.origin] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});

/** Each move of a stroke, in px: PROFILE_STEP="x,y" (the bench's drag is 40 moves of 4,1.5). */
const STEP = (([x, y]) => ({ x: x ?? 6, y: y ?? 3 }))((process.env.PROFILE_STEP ?? '6,3').split(',').map(Number));

/** Self time per function, in ms, the top `count`. */
function top(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, count = Number(process.env.PROFILE_TOP ?? 25)): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (!node.callFrame.url) continue;
      seen.add(keyOf(node));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const list = (entries: Map<string, number>) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `total ${total.toFixed(0)} ms\n${list(self)}\n-- inclusive (the page's own code):\n${list(inclusive)}`;
}

/** Total duration per trace event name (complete events only), per thread, the top ones. */
function traceSummary(trace: { traceEvents: { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number }[] }): string {
  const threads = new Map<string, string>();
  for (const e of trace.traceEvents as { name: string; ph: string; tid: number; pid: number; args?: { name?: string } }[])
    if (e.name === 'thread_name' && e.args?.name) threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const totals = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  const main = trace.traceEvents.filter((e) => e.ph === 'X' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') as { name: string; ts: number; dur: number }[];
  const start = Math.min(...main.map((e) => e.ts));
  // The main thread's long tasks, each with what filled it (the nested events' own names and durations).
  const long = main
    .filter((e) => e.name === 'RunTask' && e.dur > 20_000)
    .map((task) => {
      const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 2_000 && e.name !== 'RunTask');
      return `  at ${((task.ts - start) / 1000).toFixed(0).padStart(5)} ms: ${(task.dur / 1000).toFixed(1)} ms — ${inside.map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`).join(', ')}`;
    });
  // Each event over 1 ms, in order: whether the work is spread over every frame or comes in bursts.
  const series = (name: string) => main.filter((e) => e.name === name && e.dur > 1_000).map((e) => (e.dur / 1000).toFixed(1)).join(' ');
  return [
    ...[...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`),
    `Paint over 1 ms, one by one: ${series('Paint')}`,
    `Layerize over 1 ms, one by one: ${series('Layerize')}`,
    'long tasks on the main thread:',
    ...long,
  ].join('\n');
}

/**
 * What made the browser recompute styles (PROFILE_INVALIDATIONS=1): the invalidation-tracking
 * events counted by kind, reason and element, the most frequent first.
 */
function invalidationSummary(trace: { traceEvents: { name: string; args?: { data?: { reason?: string; nodeName?: string; invalidationSet?: unknown; invalidatedSelectorId?: string; changedClass?: string } } }[] }): string {
  const counts = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (!e.name.endsWith('InvalidationTracking')) continue;
    const d = e.args?.data ?? {};
    const key = `${e.name} · ${d.reason ?? ''} · ${d.nodeName ?? ''}${d.changedClass ? ` · class ${d.changedClass}` : ''}${d.invalidatedSelectorId ? ` · ${d.invalidatedSelectorId}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return ['invalidations:', ...[...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `${String(n).padStart(6)}  ${k}`)].join('\n');
}

async function profiled(cdp: CDPSession, what: () => Promise<void>): Promise<string> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await what();
  const { profile } = await cdp.send('Profiler.stop');
  return top(profile as never);
}

/**
 * Poses as React DevTools (as bench/canvas/probe.ts does) and keeps, per commit while
 * `window.__renders` is an array, the names of the components that rendered.
 */
const RENDERS_HOOK = `
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false, supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE: () => {},
    onScheduleFiberRoot: () => {}, onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      if (!Array.isArray(window.__renders)) return;
      const names = {};
      const visit = (next, prev) => {
        if ([0, 1, 11, 15].includes(next.tag) && (prev === null || (next.flags & 1) !== 0)) {
          const type = next.type && (next.type.type || next.type.render || next.type);
          const name = (type && (type.displayName || type.name)) || '?';
          names[name] = (names[name] || 0) + 1;
        }
        if (prev !== null && next.child === prev.child) return;
        for (let child = next.child; child; child = child.sibling) visit(child, child.alternate);
      };
      visit(root.current, root.current.alternate);
      window.__renders.push(names);
    },
  };`;

/** The components rendered per commit during a drag, summed over commits of the same index within a move. */
async function renders(page: Page, drag: () => Promise<void>): Promise<string> {
  await page.evaluate('window.__renders = []');
  await drag();
  const commits = (await page.evaluate('window.__renders')) as Record<string, number>[];
  const line = (names: Record<string, number>, i: number) => `commit ${i + 1}: ${Object.entries(names).sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n}×${c}`).join(' ')}`;
  const size = (names: Record<string, number>) => Object.values(names).reduce((a, b) => a + b, 0);
  const heaviest = commits.map((names, i) => ({ names, i })).sort((a, b) => size(b.names) - size(a.names)).slice(0, 3);
  return [`${commits.length} commits for 20 moves`, ...commits.slice(0, 6).map(line), 'the heaviest:', ...heaviest.map(({ names, i }) => line(names, i))].join('\n');
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (phases.includes('renders')) await page.addInitScript(RENDERS_HOOK);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.origin}/#bridge=${bridge.port}&token=${bridge.token}`);
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.getByTestId('open-button').click();
  await page.getByTestId('open-path-input').fill(file);
  const opening = async () => {
    await page.getByTestId('open-path-submit').click();
    await page.locator('.react-flow__node-service').nth(999).waitFor({ timeout: 300_000 });
    await page.waitForTimeout(500);
  };
  if (phases.includes('open')) console.log(`== open\n${await profiled(cdp, opening)}`);
  else await opening();
  /**
   * A stroke of 20 moves; `drop` runs around the release alone (to profile a drop's commit),
   * `press` around the press and the first two moves.
   */
  const stroke = async (
    from: { x: number; y: number },
    drop?: (release: () => Promise<void>) => Promise<void>,
    press?: (start: () => Promise<void>) => Promise<void>,
    step = STEP,
  ) => {
    await page.mouse.move(from.x, from.y);
    const start = async () => {
      await page.mouse.down();
      for (let i = 1; i <= 2; i++) {
        await page.mouse.move(from.x + i * step.x, from.y + i * step.y);
        await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
      }
    };
    await (press ? press(start) : start());
    for (let i = 3; i <= 20; i++) {
      await page.mouse.move(from.x + i * step.x, from.y + i * step.y);
      await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
    }
    const release = async () => {
      await page.mouse.up();
      await page.waitForTimeout(300);
    };
    await (drop ? drop(release) : release());
  };
  // By id: zoomed in, only the boxes on screen are in the page, so an index names another one.
  // One whose middle a press reaches, with room to move right and down (not under a panel).
  // PROFILE_NODE=<id>: that node instead (the bench prints the one it drags).
  const nodeId = process.env.PROFILE_NODE ?? await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('.react-flow__node-service')];
    // (No named inner functions: tsx would wrap them in a helper the page does not have.)
    const reachable = all.filter((n) => {
      const r = n.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('.react-flow__node') === n && document.elementFromPoint(r.x + 150, r.y + 70)?.closest('.react-flow');
    });
    return (reachable[Math.floor(reachable.length / 2)] ?? all[500])!.getAttribute('data-id');
  });
  const dragged = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  if (phases.includes('zoomed')) {
    // As the bench does: the mouse wheel over the node until the view is at 100 %.
    const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
    for (let i = 0; i < 60 && (await zoom()) < 1; i++) {
      const box = (await dragged.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(1000);
  }
  // Warm-up, as the bench does: a drag out and back, so the JIT has compiled the drag's code.
  if (process.env.PROFILE_WARM !== '0') {
    const box = (await dragged.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Small steps: the box stays in its host, and the way back grabs it again.
    await stroke(centre, undefined, undefined, { x: 1.5, y: 0.5 });
    await stroke({ x: centre.x + 30, y: centre.y + 10 }, undefined, undefined, { x: -1.5, y: -0.5 });
  }
  const node = (await dragged.boundingBox())!;
  if (phases.includes('drag') && !phases.includes('layers')) console.log(`== drag\n${await profiled(cdp, () => stroke({ x: node.x + node.width / 2, y: node.y + node.height / 2 }))}`);
  if (phases.includes('press') && !phases.includes('trace')) {
    const from = { x: node.x + node.width / 2, y: node.y + node.height / 2 };
    await stroke(from, undefined, async (start) => console.log(`== press\n${await profiled(cdp, start)}`));
  }
  if (phases.includes('drop') && !phases.includes('trace')) {
    const from = { x: node.x + node.width / 2, y: node.y + node.height / 2 };
    await stroke(from, async (release) => console.log(`== drop\n${await profiled(cdp, release)}`));
  }
  /** The empty spot of the pane nearest its middle, where a press pans. */
  const emptySpot = () =>
    page.evaluate(() => {
      const rect = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const points: { x: number; y: number; d: number }[] = [];
      for (let x = rect.x + 20; x < rect.right - 20; x += 6)
        for (let y = rect.y + 20; y < rect.bottom - 20; y += 6) points.push({ x, y, d: Math.hypot(x - rect.x - rect.width / 2, y - rect.y - rect.height / 2) });
      return points.sort((a, b) => a.d - b.d).find((p) => document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane'))!;
    });
  if (phases.includes('renders')) {
    const from = phases.includes('panning') ? await emptySpot() : { x: node.x + node.width / 2, y: node.y + node.height / 2 };
    console.log(`== renders\n${await renders(page, () => stroke(from))}`);
  }
  if (phases.includes('pan')) {
    const from = await emptySpot();
    console.log(`== pan\n${await profiled(cdp, () => stroke(from))}`);
  }
  if (phases.includes('nomarkers')) await page.addStyleTag({ content: '.far-edges .dep { marker-end: none !important }' });
  if (phases.includes('css')) await page.addStyleTag({ content: process.env.PROFILE_CSS ?? '' });
  if (phases.includes('noedges')) await page.addStyleTag({ content: '.react-flow__edges { display: none }' });
  // `layers drag`: the layers while a box is being dragged (pressed and moved, not released).
  if (phases.includes('layers') && phases.includes('drag')) {
    await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(node.x + node.width / 2 + i * 2, node.y + node.height / 2 + i);
    await page.waitForTimeout(300);
  }
  if (phases.includes('layers')) {
    // The compositing layers the page has at this zoom: each one is rastered and composited apart.
    await cdp.send('DOM.enable');
    await cdp.send('DOM.getDocument', { depth: -1 });
    const enabled = cdp.send('LayerTree.enable');
    // A frame must be drawn for the tree to be reported: move the mouse a little.
    void enabled.then(() => (phases.includes('drag') ? page.mouse.move(node.x + node.width / 2 + 12, node.y + node.height / 2 + 6) : page.mouse.move(5, 5)));
    const layers = await new Promise<{ layerId: string; width: number; height: number; drawsContent: boolean; backendNodeId?: number }[]>((resolve) =>
      cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers && resolve(e.layers as never)),
    );
    const named = await Promise.all(
      layers.map(async (l) => {
        const reasons = await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId }).catch(() => ({ compositingReasons: [] as string[] }));
        const described = l.backendNodeId
          ? await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId }).catch(() => undefined)
          : undefined;
        const attributes = described?.node.attributes ?? [];
        const cls = attributes[attributes.indexOf('class') + 1];
        const element = described ? `<${described.node.localName}${cls && attributes.includes('class') ? ` class="${cls}"` : ''}>` : '-';
        return `  ${l.width}×${l.height}${l.drawsContent ? '' : ' (no content)'} ${element}: ${reasons.compositingReasons?.join(', ')}`;
      }),
    );
    const view = await page.evaluate(() => {
      const viewport = document.querySelector('.react-flow__viewport')!;
      const r = viewport.getBoundingClientRect();
      // No named helper here: tsx would wrap it in a `__name` call the page does not have.
      const elements = ['body', '[data-testid="canvas"]', '[data-testid="problems-panel"]', '.palette', '.inspector']
        .map((selector) => `${selector} ${document.querySelector(selector)?.querySelectorAll('*').length ?? 0}`)
        .join(', ');
      return `canvas class "${document.querySelector('[data-testid="canvas"]')!.className}", viewport will-change ${getComputedStyle(viewport).willChange}, box ${r.width}×${r.height}; elements: ${elements}`;
    });
    console.log(`== ${layers.length} layers (${view})\n${named.join('\n')}`);
  }
  if (phases.includes('trace')) {
    const panning = phases.includes('panning');
    const from = panning ? await emptySpot() : { x: node.x + node.width / 2, y: node.y + node.height / 2 };
    const traced = async (what: () => Promise<void>) => {
      const invalidations = process.env.PROFILE_INVALIDATIONS === '1';
      const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
      await browser.startTracing(page, { categories: invalidations ? [...categories, 'disabled-by-default-devtools.timeline.invalidationTracking'] : categories });
      await what();
      const trace = JSON.parse((await browser.stopTracing()).toString());
      return invalidations ? `${traceSummary(trace)}\n${invalidationSummary(trace)}` : traceSummary(trace);
    };
    // With `press`: only the press and the first two moves; with `drop`: only the release and the 300 ms after it.
    if (phases.includes('press')) await stroke(from, undefined, async (start) => console.log(`== trace of a press\n${await traced(start)}`));
    else if (phases.includes('drop')) await stroke(from, async (release) => console.log(`== trace of a drop\n${await traced(release)}`));
    else console.log(`== trace of a ${panning ? 'pan' : 'drag'}\n${await traced(() => stroke(from))}`);
  }
} finally {
  await browser.close();
  await bridge.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
