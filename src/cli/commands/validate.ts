import { readFile } from 'node:fs/promises';
import { severityRank, sortFindings, validateTopology, type Finding } from '../../shared/rules';
import { EXIT, describeProblems, readTopologyFile, type Output } from '../io';
import { sourceLocator } from '../report/locate';
import { parseCommandOptions, resolveTier } from '../report/options';
import { toSarif } from '../report/sarif';

export const VALIDATE_USAGE = 'stackdraft validate FILE [--tier NAME] [--format text|json|sarif] [--fail-on error|warning|info]';
const FORMATS = ['text', 'json', 'sarif'] as const;
const VERSION = '0.1.0';

/**
 * Loads a file and runs every rule on it (all tiers, or one). Exit 0 when nothing is at
 * or above `--fail-on` (default error), 1 when something is (or the file does not load),
 * 2 when it cannot be read or the arguments are wrong.
 */
export async function validateCommand(args: readonly string[], output: Output): Promise<number> {
  const options = parseCommandOptions(args, FORMATS, { failOn: true });
  if (typeof options === 'string') {
    output.err(`${options}\nusage: ${VALIDATE_USAGE}`);
    return EXIT.UNREADABLE;
  }
  const { file, format, failOn } = options;
  const read = await readTopologyFile(file);
  if (!read.ok) {
    output.err(read.message);
    return EXIT.UNREADABLE;
  }
  if (!read.load.ok) {
    for (const line of describeProblems(file, read.load)) output.err(line);
    output.err(`${file}: ${read.load.problems.length} problem(s)`);
    return EXIT.PROBLEMS;
  }
  const { topology, notice } = read.load;
  let tiers: string[] | undefined;
  if (options.tier !== undefined) {
    const tier = resolveTier(topology, options.tier);
    if (typeof tier !== 'string') {
      output.err(`${file}: ${tier.error}`);
      return EXIT.UNREADABLE;
    }
    tiers = [tier];
  }
  const findings = sortFindings(validateTopology(topology, tiers ? { tiers } : {}));
  const locateIn = sourceLocator(await readFile(file, 'utf8').catch(() => undefined));
  const where = (f: Finding) => locateIn(f.path);
  const failing = findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;

  switch (format) {
    case 'json':
      output.out(JSON.stringify({ file, tiers: tiers ?? topology.tiers.map((t) => t.id), findings: findings.map((f) => ({ ...f, ...where(f) })) }, null, 2));
      break;
    case 'sarif':
      output.out(JSON.stringify(toSarif(file, findings, where, VERSION), null, 2));
      break;
    case 'text': {
      if (notice) output.out(`${file}: ${notice}`);
      for (const f of findings) {
        const at = where(f);
        output.out(`${file}${at ? `:${at.line}:${at.column}` : ''}: ${f.severity} [${f.rule}] ${f.message}${f.tier ? ` (tier ${f.tier})` : ''}`);
      }
      const summary = `${topology.services.length} services, ${topology.dependencies.length} dependencies, ${topology.tiers.length} tier(s)`;
      output.out(findings.length === 0 ? `${file}: ok — ${summary}` : `${file}: ${describeCounts(findings)} — ${summary}`);
      break;
    }
  }
  return failing > 0 ? EXIT.PROBLEMS : EXIT.OK;
}

function describeCounts(findings: readonly Finding[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`;
}
