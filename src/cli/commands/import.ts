import { readFile, stat } from 'node:fs/promises';
import { serializeTopology } from '../../shared/format';
import { addSshHosts, formatImportNote, fromCompose, fromSshConfig } from '../../shared/import';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { parseArgs } from '../args';
import { EXIT, loadOrReport, type Output } from '../io';

export const IMPORT_USAGE =
  'stackdraft import compose FILE -o OUT.stackdraft.yaml [--project NAME] [--host NAME] [--force] | import ssh-config FILE --into TOPOLOGY --tier ID -o OUT.stackdraft.yaml [--force]';

/** Brings a docker-compose file or ssh config hosts into a topology file. */
export async function importCommand(args: readonly string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, { out: { alias: 'o' }, project: {}, host: {}, into: {}, tier: {}, force: { flag: true } });
  const [kind, file, ...extra] = parsed.positional;
  const out = typeof parsed.options.out === 'string' ? parsed.options.out : undefined;
  const problem =
    parsed.error ??
    (kind !== 'compose' && kind !== 'ssh-config' ? 'say what to import: compose or ssh-config' : undefined) ??
    (!file || extra.length > 0 ? 'give exactly one FILE' : undefined) ??
    (!out || !/\.ya?ml$/i.test(out) ? 'give -o OUT.stackdraft.yaml' : undefined) ??
    (kind === 'ssh-config' && (typeof parsed.options.into !== 'string' || typeof parsed.options.tier !== 'string') ? 'ssh-config needs --into TOPOLOGY and --tier ID' : undefined);
  if (problem) {
    output.err(`stackdraft import: ${problem}\nusage: ${IMPORT_USAGE}`);
    return EXIT.UNREADABLE;
  }
  // Never overwrite a file by accident: importing is for new files.
  if (parsed.options.force !== true && (await stat(out!).then(() => true, () => false))) {
    output.err(`stackdraft import: ${out} exists; pass --force to replace it`);
    return EXIT.UNREADABLE;
  }
  let text: string;
  try {
    text = await readFile(file!, 'utf8');
  } catch (error) {
    output.err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return EXIT.UNREADABLE;
  }

  if (kind === 'compose') {
    const result = fromCompose(text, {
      project: typeof parsed.options.project === 'string' ? parsed.options.project : undefined,
      hostName: typeof parsed.options.host === 'string' ? parsed.options.host : undefined,
    });
    if (!result.ok) {
      output.err(`${file}: ${result.error}`);
      return EXIT.PROBLEMS;
    }
    for (const note of result.notes) output.err(`note: ${formatImportNote(note, file)}`);
    await writeFileAtomic(out!, serializeTopology(result.topology));
    output.out(`${out}: ${result.topology.services.length} services, ${result.topology.dependencies.length} dependencies; ${result.notes.length} note(s)`);
    return EXIT.OK;
  }

  const into = parsed.options.into as string;
  const loaded = await loadOrReport(into, output);
  if (typeof loaded === 'number') return loaded;
  const { hosts, notes } = fromSshConfig(text);
  try {
    const added = addSshHosts(loaded.topology, parsed.options.tier as string, hosts);
    for (const note of [...notes, ...added.notes]) output.err(`note: ${formatImportNote(note, file)}`);
    await writeFileAtomic(out!, serializeTopology(added.topology));
    output.out(`${out}: ${added.topology.tiers.find((t) => t.id === parsed.options.tier)!.hosts.length} hosts in tier ${parsed.options.tier}`);
    return EXIT.OK;
  } catch (error) {
    output.err(`${into}: ${(error as Error).message}`);
    return EXIT.PROBLEMS;
  }
}
