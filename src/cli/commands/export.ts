import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toComposeFiles } from '../../shared/export/compose';
import { toMermaidFlowchart, toMermaidGantt, UnknownTierError } from '../../shared/export/mermaid';
import { toMarkdownReport } from '../../shared/export/report';
import { toSvg } from '../../shared/export/svg';
import { svgToPng } from '../../main/services/png';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { parseArgs } from '../args';
import { EXIT, loadOrReport, type Output } from '../io';

export const EXPORT_USAGE =
  'stackdraft export FILE [--tier ID] --format mermaid|gantt|svg|png|compose|report [-o PATH] [--theme light|dark] [--group-by host|plane] [--direction TB|LR] [--no-external]';

const FORMATS = ['mermaid', 'gantt', 'svg', 'png', 'compose', 'report'] as const;
type Format = (typeof FORMATS)[number];

/** Regenerates maps, compose files and reports from a topology, e.g. in a docs pipeline. */
export async function exportCommand(args: readonly string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, {
    tier: {},
    format: { alias: 'f' },
    out: { alias: 'o' },
    theme: {},
    'group-by': {},
    direction: {},
    'no-external': { flag: true },
  });
  const [file, ...extra] = parsed.positional;
  const format = parsed.options.format as Format | undefined;
  const problem =
    parsed.error ??
    (!file || extra.length > 0 ? 'give exactly one FILE' : undefined) ??
    (!format || !FORMATS.includes(format) ? `--format must be one of ${FORMATS.join(', ')}` : undefined) ??
    (['png', 'compose'].includes(format!) && typeof parsed.options.out !== 'string' ? `--format ${format} needs -o ${format === 'png' ? 'FILE.png' : 'DIRECTORY'}` : undefined) ??
    (parsed.options.theme !== undefined && !['light', 'dark'].includes(String(parsed.options.theme)) ? '--theme must be light or dark' : undefined) ??
    (parsed.options['group-by'] !== undefined && !['host', 'plane'].includes(String(parsed.options['group-by'])) ? '--group-by must be host or plane' : undefined) ??
    (parsed.options.direction !== undefined && !['TB', 'BT', 'LR', 'RL'].includes(String(parsed.options.direction)) ? '--direction must be TB, BT, LR or RL' : undefined);
  if (problem) {
    output.err(`stackdraft export: ${problem}\nusage: ${EXPORT_USAGE}`);
    return EXIT.UNREADABLE;
  }
  const loaded = await loadOrReport(file!, output);
  if (typeof loaded === 'number') return loaded;
  const topology = loaded.topology;
  const tierOption = typeof parsed.options.tier === 'string' ? parsed.options.tier : undefined;
  const tierId = tierOption ?? topology.tiers[0]?.id;
  const out = typeof parsed.options.out === 'string' ? parsed.options.out : undefined;
  if (tierId === undefined) {
    output.err(`${file}: has no tiers to export`);
    return EXIT.PROBLEMS;
  }
  const emit = async (text: string, path = out) => {
    if (path === undefined) output.out(text.trimEnd());
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, text, { backup: false });
      output.err(`wrote ${path}`);
    }
  };
  try {
    switch (format!) {
      case 'mermaid': {
        const result = toMermaidFlowchart(topology, tierId, {
          groupBy: parsed.options['group-by'] as 'host' | 'plane' | undefined,
          direction: parsed.options.direction as 'TB' | undefined,
          includeExternal: parsed.options['no-external'] !== true,
        });
        for (const note of result.notes) output.err(`note: ${note}`);
        if (result.diagrams.length === 1) await emit(result.diagrams[0]!.text);
        else if (out === undefined) for (const d of result.diagrams) output.out(`\`\`\`mermaid\n${d.text}\`\`\`\n`);
        else {
          // One diagram per file: a .mmd file holds exactly one.
          const base = out.replace(/\.mmd$/, '');
          for (const [i, d] of result.diagrams.entries()) await emit(d.text, `${base}-${i + 1}.mmd`);
        }
        break;
      }
      case 'gantt':
        await emit(toMermaidGantt(topology, tierId));
        break;
      case 'svg':
        await emit(toSvg(topology, tierId, { theme: parsed.options.theme as 'light' | undefined }).svg);
        break;
      case 'png': {
        const image = svgToPng(toSvg(topology, tierId, { theme: parsed.options.theme as 'light' | undefined }).svg);
        await mkdir(dirname(out!), { recursive: true });
        await writeFileAtomic(out!, image.png, { backup: false });
        output.err(`wrote ${out} (${image.width}×${image.height})`);
        break;
      }
      case 'compose':
        for (const composeFile of toComposeFiles(topology, tierId)) {
          await emit(composeFile.text, join(out!, composeFile.fileName));
          for (const env of composeFile.secretEnvFiles) output.err(`note: ${composeFile.host.name}: ${env.path} must define ${env.variables.map((v) => v.env).join(', ')}`);
        }
        break;
      case 'report':
        await emit(toMarkdownReport(topology, { tierId: tierOption }));
        break;
    }
  } catch (error) {
    if (error instanceof UnknownTierError) {
      output.err(`${file}: ${error.message}`);
      return EXIT.PROBLEMS;
    }
    output.err(`stackdraft export: cannot write: ${(error as Error).message}`);
    return EXIT.UNREADABLE;
  }
  return EXIT.OK;
}
