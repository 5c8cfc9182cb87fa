/**
 * The canvas, side by side in one run: Stackdraft's built renderer with a generated
 * 1,000-service topology on 100 hosts, and a bare React Flow page (bench/canvas/bare) with
 * the same number of default nodes and edges at the same positions. Both in Debian's
 * headless Chromium, both driven by the same script: drag a service, then pan the canvas,
 * one mouse move per frame, at the fitted view (every node on screen) and again zoomed in to
 * 100 % on the dragged node. Reports frame times (requestAnimationFrame deltas), frames
 * over 50 ms, React commits and component renders per mouse move, the renderer's
 * CPU time per move, and the time to open the file (to the first render for the bare page).
 *
 * Needs the built renderer: `npx electron-vite build` first.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBridgeApp } from '../src/main/bridge/app';
import { serializeTopology } from '../src/shared/format';
import { toFlow } from '../src/renderer/canvas/toFlow';
import { installProbe, type ProbeReadout } from './canvas/probe';
import { serveDirectory } from './canvas/serve';
import { generateTopology } from './generate-topology';

/** A phase's readout pooled over the rounds, with the moves the script made and the main thread's busy time. */
type Pooled = ProbeReadout & { moves: number; mainThreadMs: number; processMs: number };

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rendererDir = join(root, 'out/renderer');
/** Another build of the renderer (e.g. from before a change) to measure in the same run: CANVAS_BASELINE=dir. */
const baselineDir = process.env.CANVAS_BASELINE;
/** Rounds per phase and page (even, so that the dragged service ends where it began): CANVAS_ROUNDS. */
const ROUNDS = Number(process.env.CANVAS_ROUNDS ?? 4);
/** Only the phases at 100 % (CANVAS_ZOOMED_ONLY=1): the fitted view is warmed up but not measured. */
const ZOOMED_ONLY = process.env.CANVAS_ZOOMED_ONLY === '1';
/**
 * Slow every page's main thread down by this factor (CANVAS_CPU_THROTTLE=1.5, Chrome's CPU
 * throttling): how much room the frame budget has on a slower or busier machine.
 */
const CPU_THROTTLE = Number(process.env.CANVAS_CPU_THROTTLE ?? 1);
/** Print where in each stroke the late frames fell (CANVAS_LATE=1): frame index and length. */
const SHOW_LATE = process.env.CANVAS_LATE === '1';
// tsx names functions with a `__name` helper the page does not have.
const PROBE = { content: `var __name = (f) => f; (${installProbe.toString()})();` };
const started = performance.now();
const progress = (what: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);
const MOVES = 40;
/** How far a drag moves the service, in screen pixels (and back, in the next round). */
const DRAG = { x: 160, y: 60 };

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('out/renderer is missing: run `npx electron-vite build` first');
  process.exit(2);
}

const topology = generateTopology(100, 100);
const flow = toFlow(topology, topology.tiers[0]!.id, 'host');
const work = await mkdtemp(join(tmpdir(), 'stackdraft-canvas-bench-'));
const file = join(work, 'bench.stackdraft.yaml');
await writeFile(file, serializeTopology(topology));

// The bare page gets Stackdraft's nodes as React Flow default nodes, at absolute positions.
const byId = new Map(flow.nodes.map((n) => [n.id, n]));
const absolute = (id: string): { x: number; y: number } => {
  const node = byId.get(id)!;
  const parent = node.parentId ? absolute(node.parentId) : { x: 0, y: 0 };
  return { x: parent.x + node.position.x, y: parent.y + node.position.y };
};
const bareDir = join(work, 'bare');
await build({
  configFile: false,
  root: join(root, 'bench/canvas/bare'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: bareDir, emptyOutDir: true },
});
await writeFile(
  join(bareDir, 'flow.json'),
  JSON.stringify({
    nodes: flow.nodes.map((n) => ({ id: n.id, position: absolute(n.id), data: { label: 'name' in n.data ? n.data.name : n.data.label } })),
    edges: flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  }),
);

progress('bare page built');
const stackdraftServer = await serveDirectory(rendererDir);
const baselineServer = baselineDir ? await serveDirectory(baselineDir) : undefined;
const bareServer = await serveDirectory(bareDir);
const bridge = await startBridgeApp({ allowedOrigins: [stackdraftServer.origin, ...(baselineServer ? [baselineServer.origin] : [])] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

/** One mouse move per frame, as a real mouse at 60 Hz, from `from` by `by` pixels. */
async function stroke(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(from.x + (by.x * i) / MOVES, from.y + (by.y * i) / MOVES);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.mouse.up();
}

/**
 * Where to grab a node — its centre, or the nearest point of it a press reaches that is not
 * a connect handle (a press there draws a connection instead) nor under a panel — and an
 * empty spot of the pane near the middle.
 */
function targets(page: Page, nodeId: string) {
  return page.evaluate((id) => {
    const node = document.querySelector(`.react-flow__node[data-id="${id}"]`)!;
    const box = node.getBoundingClientRect();
    const grab = [0.5, 0.35, 0.65, 0.2, 0.8]
      .flatMap((fy) => [0.5, 0.3, 0.7, 0.15, 0.85].map((fx) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy })))
      .find((p) => {
        const hit = document.elementFromPoint(p.x, p.y);
        return hit !== null && node.contains(hit) && !hit.closest('.react-flow__handle');
      });
    if (!grab) throw new Error(`no point of ${id} can be grabbed: it is covered, or all handle`);
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    // Hit-testing a page this big is slow: rule out points under a node by their boxes first.
    const covered = [...document.querySelectorAll('.react-flow__node, .react-flow__panel')].map((el) => el.getBoundingClientRect());
    const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    const candidates: { x: number; y: number; distance: number }[] = [];
    for (let x = pane.x + 20; x < pane.right - 20; x += 6) {
      for (let y = pane.y + 20; y < pane.bottom - 20; y += 6) candidates.push({ x, y, distance: Math.hypot(x - middle.x, y - middle.y) });
    }
    candidates.sort((a, b) => a.distance - b.distance);
    const free = candidates.find(
      (p) =>
        !covered.some((r) => p.x >= r.left - 4 && p.x <= r.right + 4 && p.y >= r.top - 4 && p.y <= r.bottom + 4) &&
        document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane'),
    );
    if (!free) throw new Error('no empty spot of the pane to pan from');
    return { node: grab, pane: { x: free.x, y: free.y } };
  }, nodeId);
}

/**
 * The service nearest the middle of the canvas, the one a user would grab, among those a
 * user can reach there and where the drag ends: not under a panel or the Problems list.
 */
function middleService(page: Page) {
  return page.evaluate(
    ({ dx, dy }) => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
      const services = [...document.querySelectorAll('.react-flow__node-service')].map((el) => {
        const r = el.getBoundingClientRect();
        const centre = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        return { id: el.getAttribute('data-id')!, centre, distance: Math.hypot(centre.x - middle.x, centre.y - middle.y) };
      });
      services.sort((a, b) => a.distance - b.distance);
      // No named helper here: tsx would wrap it in a `__name` call the page does not have.
      const reachable = services.find(({ centre }) =>
        [centre, { x: centre.x + dx, y: centre.y + dy }].every((p) => document.elementFromPoint(p.x, p.y)?.closest('.react-flow__renderer')),
      );
      if (!reachable) throw new Error('no service on screen that a drag can reach');
      return reachable.id;
    },
    { dx: DRAG.x, dy: DRAG.y },
  );
}

/** The view's zoom: the scale of React Flow's viewport. */
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Zooms in with the mouse wheel over a node, as a user would, until the view is at 100 % or more. */
async function zoomInOn(page: Page, nodeId: string) {
  for (let i = 0; i < 60 && (await zoomOf(page)) < 1; i++) {
    const at = await page.evaluate((id) => {
      const r = document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, nodeId);
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(120);
  }
  // Let the last wheel step and the renders it caused settle.
  await page.waitForTimeout(1000);
}

const PHASES = ['drag', 'pan', 'drag at 100 %', 'pan at 100 %'] as const;
type Phase = (typeof PHASES)[number];
const empty = (): Pooled => ({ frames: [], moves: 0, renders: 0, commits: 0, mainThreadMs: 0, processMs: 0 });

/** A page being measured: its figures pooled per phase, and its main-thread CPU per move in each round. */
interface Measured {
  name: string;
  page: Page;
  pooled: Record<Phase, Pooled>;
  perRound: Record<Phase, number[]>;
  busy: () => Promise<{ thread: number; process: number }>;
}

async function measured(name: string, page: Page): Promise<Measured> {
  // CPU time of the renderer's main thread and of its whole process (raster threads too),
  // from the Chrome DevTools protocol: unlike frame times, barely moved by a busy machine.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (CPU_THROTTLE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (metric: string) => (metrics.find((m) => m.name === metric)?.value ?? 0) * 1000;
    return { thread: get('ThreadTime'), process: get('ProcessTime') };
  };
  const each = <T>(make: () => T) => Object.fromEntries(PHASES.map((phase) => [phase, make()])) as Record<Phase, T>;
  return { name, page, pooled: each(empty), perRound: each((): number[] => []), busy };
}

/** One round on one page: a drag of the service (away, or back on odd rounds), then a pan. */
async function measureRound(m: Measured, nodeId: string, round: number, zoomed: boolean) {
  const at = await targets(m.page, nodeId);
  const direction = round % 2 === 0 ? 1 : -1;
  for (const [kind, from, by] of [
    ['drag', at.node, { x: DRAG.x * direction, y: DRAG.y * direction }],
    ['pan', at.pane, { x: -220 * direction, y: -90 * direction }],
  ] as const) {
    const phase: Phase = zoomed ? `${kind} at 100 %` : kind;
    await m.page.waitForTimeout(300);
    progress(`${m.name}: ${phase}, round ${round + 1}`);
    await m.page.evaluate(() => window.__probe.start());
    const before = await m.busy();
    await stroke(m.page, from, by);
    // Let the drop settle (Stackdraft commits the drag to the document here).
    await m.page.waitForTimeout(300);
    const after = await m.busy();
    const readout = await m.page.evaluate(() => window.__probe.stop());
    if (SHOW_LATE) {
      const late = readout.frames.flatMap((f, i) => (f > LATE_MS ? [`#${i} ${f.toFixed(0)}`] : []));
      console.error(`  late frames of ${readout.frames.length}: ${late.join(', ') || 'none'}`);
    }
    const into = m.pooled[phase];
    into.frames.push(...readout.frames);
    into.moves += MOVES;
    into.renders += readout.renders;
    into.commits += readout.commits;
    into.mainThreadMs += after.thread - before.thread;
    into.processMs += after.process - before.process;
    m.perRound[phase].push((after.thread - before.thread) / MOVES);
  }
}

/**
 * Drag and pan at the fitted view (every node on screen), then again zoomed in to 100 % on
 * the dragged node. The pages take turns round by round, and which goes first alternates,
 * so that a change in the machine's load falls on all of them alike.
 */
async function measureSideBySide(pages: readonly Measured[], nodeId: string) {
  for (const zoomed of [false, true]) {
    for (const m of pages) {
      if (zoomed) {
        await zoomInOn(m.page, nodeId);
        progress(`${m.name} zoomed in to ${(await zoomOf(m.page)).toFixed(2)}`);
      }
      // Warm-up, not measured: a pan, and a drag out and back (the first drag of a page runs
      // code the JIT has not compiled yet; a user pays that once a session, not per drag).
      const warm = await targets(m.page, nodeId);
      await stroke(m.page, warm.pane, { x: 40, y: 20 });
      const grab = await targets(m.page, nodeId);
      await stroke(m.page, grab.node, DRAG);
      await stroke(m.page, (await targets(m.page, nodeId)).node, { x: -DRAG.x, y: -DRAG.y });
    }
    if (ZOOMED_ONLY && !zoomed) continue;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? pages : [...pages].reverse();
      for (const m of order) await measureRound(m, nodeId, round, zoomed);
    }
  }
}

/** Resolves, in the page, once `count` nodes are painted: the frame after they are in the DOM. */
function nodesPainted(page: Page, selector: string, count: number): Promise<void> {
  // A string, not a function: tsx would wrap a named inner function in its `__name` helper.
  return page.evaluate(`new Promise((resolve) => {
    const check = () => document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count} ? requestAnimationFrame(() => resolve()) : setTimeout(check, 20);
    check();
  })`);
}

/** CPU time so far of a page's main thread (Chrome DevTools protocol), in ms. */
async function cpuClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

interface Opened {
  page: Page;
  openMs: number;
  /** The page's main-thread CPU while opening. */
  rendererCpuMs: number;
  /** This process's CPU while opening: the bridge reading, parsing and checking the file. */
  bridgeCpuMs?: number;
}

const openedText = (name: string, o: Opened) =>
  `${name} ${o.openMs.toFixed(0)} ms (renderer main-thread CPU ${o.rendererCpuMs.toFixed(0)} ms${o.bridgeCpuMs !== undefined ? `, loading the file in the bridge ${o.bridgeCpuMs.toFixed(0)} ms CPU` : ''})`;

/** Opening time: from submitting the Open dialog to every service box painted. */
async function stackdraftPage(origin = stackdraftServer.origin): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PROBE);
  await page.goto(`${origin}/#bridge=${bridge.port}&token=${bridge.token}`);
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.getByTestId('open-button').click();
  await page.getByTestId('open-path-input').fill(file);
  const cpu = await cpuClock(page);
  const painted = nodesPainted(page, '.react-flow__node-service', topology.services.length);
  const [start, cpuStart, bridgeStart] = [performance.now(), await cpu(), process.cpuUsage()];
  await page.getByTestId('open-path-submit').click();
  await painted;
  const openMs = performance.now() - start;
  const bridgeCpu = process.cpuUsage(bridgeStart);
  return { page, openMs, rendererCpuMs: (await cpu()) - cpuStart, bridgeCpuMs: (bridgeCpu.user + bridgeCpu.system) / 1000 };
}

/** First render: from navigating to the page (its script and flow.json loaded too) to every node painted. */
async function barePage(): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PROBE);
  const cpu = await cpuClock(page);
  const [start, cpuStart] = [performance.now(), await cpu()];
  await page.goto(`${bareServer.origin}/`);
  await nodesPainted(page, '.react-flow__node', flow.nodes.length);
  const openMs = performance.now() - start;
  const rendererCpuMs = (await cpu()) - cpuStart;
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
  return { page, openMs, rendererCpuMs };
}

/**
 * A frame that missed a display refresh: longer than one 60 Hz interval by more than the
 * jitter of the page's coarsened clock (deltas of one interval read 16.6–16.8 ms). The p95
 * is at one interval exactly when fewer than 5 % of the frames are late.
 */
const LATE_MS = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

function row(name: string, phase: string, r: Pooled): string[] {
  const sorted = [...r.frames].sort((a, b) => a - b);
  return [
    name,
    phase,
    String(sorted.length),
    `${percentile(sorted, 0.5).toFixed(1)} ms`,
    `${percentile(sorted, 0.95).toFixed(1)} ms`,
    `${sorted.filter((f) => f > LATE_MS).length} (${((100 * sorted.filter((f) => f > LATE_MS).length) / Math.max(1, sorted.length)).toFixed(1)} %)`,
    String(sorted.filter((f) => f > 50).length),
    String(r.moves),
    (r.commits / Math.max(1, r.moves)).toFixed(2),
    (r.renders / Math.max(1, r.moves)).toFixed(1),
    `${(r.mainThreadMs / Math.max(1, r.moves)).toFixed(1)} ms`,
    `${(r.processMs / Math.max(1, r.moves)).toFixed(1)} ms`,
  ];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

try {
  const ourOpen = await stackdraftPage();
  progress(`Stackdraft page open in ${ourOpen.openMs.toFixed(0)} ms`);
  const nodeId = await middleService(ourOpen.page);
  const domNodes = await ourOpen.page.locator('.react-flow__node').count();
  const bareOpen = await barePage();
  progress(`bare page open in ${bareOpen.openMs.toFixed(0)} ms`);
  const pages = [await measured('Stackdraft', ourOpen.page), await measured('bare React Flow', bareOpen.page)];
  const opened = [openedText('Stackdraft (Open dialog submitted → every service painted)', ourOpen), openedText('bare React Flow (navigation → every node painted)', bareOpen)];
  if (baselineServer) {
    const baselineOpen = await stackdraftPage(baselineServer.origin);
    progress(`baseline page open in ${baselineOpen.openMs.toFixed(0)} ms`);
    pages.push(await measured('Stackdraft baseline', baselineOpen.page));
    opened.push(openedText('Stackdraft baseline', baselineOpen));
  }
  await measureSideBySide(pages, nodeId);
  const isolated = await Promise.all(pages.map((m) => m.page.evaluate(() => crossOriginIsolated)));

  console.log(`${topology.services.length} services, ${topology.tiers[0]!.hosts.length} hosts, ${flow.edges.length} edges; ${domNodes} React Flow nodes; dragged ${nodeId}; ${ROUNDS} rounds of ${MOVES} moves each, the pages taking turns${CPU_THROTTLE !== 1 ? `; main threads slowed ${CPU_THROTTLE}×` : ''}`);
  console.log('| page | phase | frames | p50 | p95 | late (> 20 ms) | > 50 ms | mouse moves | commits / move | component renders / move | main-thread CPU / move | renderer CPU / move |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const m of pages) for (const phase of PHASES) console.log(`| ${row(m.name, phase, m.pooled[phase]).join(' | ')} |`);
  for (const line of opened) console.log(`open: ${line}`);
  console.log(`page clocks: ${pages.map((m, i) => `${m.name} ${isolated[i] ? 'cross-origin isolated (µs)' : 'coarse (0.1 ms with jitter)'}`).join(', ')}`);
  const [ours, bare] = pages as [Measured, Measured];
  const p95 = (m: Measured, phase: Phase) => percentile([...m.pooled[phase].frames].sort((a, b) => a - b), 0.95);
  for (const phase of PHASES) {
    // Rounds next to each other ran under the same load: their ratio is the fair comparison.
    const ratios = ours.perRound[phase].map((cpu, i) => cpu / bare.perRound[phase][i]!);
    console.log(
      `${phase}: main-thread CPU per move ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')} the bare page's round by round, median ${median(ratios).toFixed(2)}×; p95 ${p95(ours, phase).toFixed(1)} vs ${p95(bare, phase).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
  await bridge.close();
  await stackdraftServer.close();
  await baselineServer?.close();
  await bareServer.close();
  await rm(work, { recursive: true, force: true });
}
