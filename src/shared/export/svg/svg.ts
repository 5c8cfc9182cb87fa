import type { Topology } from '../../model';
import { effectiveReplicas, effectiveResources } from '../../view/capacity';
import { layoutCanvas, type CanvasBox, type CanvasService, type CanvasView } from '../../view/canvas-layout';
import { formatCaps, formatMemory, formatNumber } from '../../view/format';
import { UnknownTierError } from '../mermaid/flowchart';
import { SVG_THEMES } from './theme';
import { fitText, xmlEscape } from './xml';

export interface SvgOptions {
  theme?: 'light' | 'dark';
  view?: CanvasView;
  /** Space around the drawing, in pixels. */
  margin?: number;
}

export interface SvgExport {
  svg: string;
  width: number;
  height: number;
}

const FONT = "font-family=\"Inter, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif\"";

/**
 * The canvas of a tier as the user sees it (same positions as the app), as plain SVG:
 * rectangles, lines and `<text>` only — no `foreignObject`, no scripts, no event
 * attributes, no external references — so it renders the same in browsers, Inkscape,
 * Word and on GitHub. Every name is escaped; colours come only from the validated model.
 */
export function toSvg(topology: Topology, tierId: string, options: SvgOptions = {}): SvgExport {
  const tier = topology.tiers.find((t) => t.id === tierId);
  if (!tier) throw new UnknownTierError(tierId, topology.tiers.map((t) => t.id));
  const theme = SVG_THEMES[options.theme ?? 'light'];
  const margin = options.margin ?? 32;
  const layout = layoutCanvas(topology, tierId, options.view ?? 'host');
  const { minX, minY, maxX, maxY } = layout.bounds;
  const width = Math.ceil(maxX - minX + 2 * margin);
  const height = Math.ceil(maxY - minY + 2 * margin);
  const dx = margin - minX;
  const dy = margin - minY;

  const services = new Map(topology.services.map((s) => [s.id, s]));
  const planes = new Map(topology.planes.map((p) => [p.id, p]));
  const hosts = new Map(tier.hosts.map((h) => [h.id, h]));
  const envs = new Map(topology.environments.map((e) => [e.id, e]));
  const placements = new Map(tier.placements.map((p) => [p.service, p]));
  const cards = new Map<string, CanvasService>();
  for (const box of layout.boxes) for (const s of box.services) cards.set(s.serviceId, s);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`);
  out.push(`<title>${xmlEscape(`${topology.name} — ${tier.name}`)}</title>`);
  out.push('<defs>');
  for (const [id, color] of [['hard', theme.edgeHard], ['soft', theme.edgeSoft]] as const) {
    out.push(`<marker id="arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${theme.background}"/>`);

  const boxTitle = (box: CanvasBox): [string, string] => {
    if (box.kind === 'host') {
      const host = hosts.get(box.hostId!)!;
      const env = envs.get(host.environment);
      const size = `${formatNumber(host.cpu)} vCPU · ${formatMemory(host.memoryMiB)}${host.flavor ? ` · ${host.flavor}` : ''}`;
      return [host.name, `${env?.name ?? host.environment} · ${size}${host.role === 'standby' ? ' · standby' : ''}`];
    }
    if (box.kind === 'plane') return [planes.get(box.planeId!)?.name ?? box.planeId!, 'plane'];
    if (box.kind === 'external') return ['External', 'outside this system'];
    if (box.kind === 'tray') return ['Not placed', 'in no host of this tier'];
    return ['No plane', ''];
  };

  for (const box of layout.boxes) {
    const x = box.x + dx;
    const y = box.y + dy;
    const [title, subtitle] = boxTitle(box);
    const accent = box.kind === 'host' ? theme.env[envs.get(hosts.get(box.hostId!)!.environment)?.kind ?? 'other'] : box.kind === 'plane' ? planes.get(box.planeId!)?.color ?? theme.noPlane : theme.boxBorder;
    const dashed = box.kind === 'external' || box.kind === 'tray' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<g>`);
    out.push(`<rect x="${x}" y="${y}" width="${box.width}" height="${box.height}" rx="10" fill="${theme.box}" stroke="${theme.boxBorder}"${dashed}/>`);
    out.push(`<rect x="${x}" y="${y}" width="${box.width}" height="4" rx="2" fill="${accent}"/>`);
    out.push(`<text x="${x + 16}" y="${y + 28}" font-size="16" font-weight="600" fill="${theme.text}">${xmlEscape(fitText(title, box.width - 32, 16))}</text>`);
    // Only hosts have a header tall enough for a second line; groups keep theirs short.
    if (subtitle && box.kind === 'host') out.push(`<text x="${x + 16}" y="${y + 48}" font-size="12" fill="${theme.muted}">${xmlEscape(fitText(subtitle, box.width - 32, 12))}</text>`);
    out.push('</g>');
  }

  // Edges under the cards, from border to border along the line between centres.
  for (const d of topology.dependencies) {
    const a = cards.get(d.from);
    const b = cards.get(d.to);
    if (!a || !b) continue;
    const [x1, y1] = borderPoint(a, b, dx, dy);
    const [x2, y2] = borderPoint(b, a, dx, dy);
    const soft = d.kind === 'soft';
    out.push(
      `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${soft ? theme.edgeSoft : theme.edgeHard}" stroke-width="1.5"${soft ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#arrow-${soft ? 'soft' : 'hard'})"/>`,
    );
  }

  for (const card of cards.values()) {
    const service = services.get(card.serviceId);
    if (!service) continue;
    const x = card.x + dx;
    const y = card.y + dy;
    const placement = placements.get(service.id);
    const replicas = service.kind === 'external' ? 1 : effectiveReplicas(service, placement);
    const color = service.plane ? planes.get(service.plane)?.color ?? theme.noPlane : theme.noPlane;
    const w = card.width - 28;
    const faded = replicas === 0 ? ' opacity="0.55"' : '';
    out.push(`<g${faded}>`);
    out.push(`<rect x="${x}" y="${y}" width="${card.width}" height="${card.height}" rx="8" fill="${theme.card}" stroke="${theme.boxBorder}"${service.kind === 'external' ? ' stroke-dasharray="4 3"' : ''}/>`);
    out.push(`<rect x="${x}" y="${y}" width="5" height="${card.height}" rx="2" fill="${color}"/>`);
    const name = replicas === 1 ? service.name : `${service.name} ×${replicas}`;
    out.push(`<text x="${x + 16}" y="${y + 24}" font-size="14" font-weight="600" fill="${theme.text}">${xmlEscape(fitText(name, w, 14))}</text>`);
    const second = service.kind === 'external' ? 'external' : `${service.kind} · ${service.image ?? ''}`;
    out.push(`<text x="${x + 16}" y="${y + 44}" font-size="11" fill="${theme.muted}">${xmlEscape(fitText(second, w, 11))}</text>`);
    if (service.kind !== 'external') {
      out.push(`<text x="${x + 16}" y="${y + 64}" font-size="11" fill="${theme.muted}">${xmlEscape(fitText(formatCaps(effectiveResources(service, placement)), w, 11))}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height };
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Where the line from the centre of `from` towards the centre of `to` leaves `from`'s rectangle. */
function borderPoint(from: CanvasService, to: CanvasService, dx: number, dy: number): [number, number] {
  const cx = from.x + from.width / 2 + dx;
  const cy = from.y + from.height / 2 + dy;
  const tx = to.x + to.width / 2 + dx;
  const ty = to.y + to.height / 2 + dy;
  const vx = tx - cx;
  const vy = ty - cy;
  if (vx === 0 && vy === 0) return [cx, cy];
  const scale = Math.min(vx !== 0 ? from.width / 2 / Math.abs(vx) : Infinity, vy !== 0 ? from.height / 2 / Math.abs(vy) : Infinity);
  return [cx + vx * scale, cy + vy * scale];
}
