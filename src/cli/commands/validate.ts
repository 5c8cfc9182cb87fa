import { EXIT, describeProblems, readTopologyFile, type Output } from '../io';

export const VALIDATE_USAGE = 'stackdraft validate FILE';

/** Schema-level validation: does the file load, and if not, where is it wrong. */
export async function validateCommand(args: readonly string[], output: Output): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    output.err(`usage: ${VALIDATE_USAGE}`);
    return EXIT.UNREADABLE;
  }
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
  if (notice) output.out(`${file}: ${notice}`);
  output.out(`${file}: ok — ${topology.services.length} services, ${topology.dependencies.length} dependencies, ${topology.tiers.length} tier(s)`);
  return EXIT.OK;
}
