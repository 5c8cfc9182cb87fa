import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { formatProblem, loadTopologyBytes } from '../../shared/format';
import { HandlerError, type ExampleInfo, type OpenedFile } from '../../shared/ipc';

/** `resources/examples/catalog.json`: one entry per example topology. */
const catalogSchema = z.array(
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    name: z.string().min(1),
    description: z.string(),
    // A bare file name: the catalog may never point outside its own folder.
    file: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.ya?ml$/),
    /** The seed document the example models. */
    seed: z.string(),
  }),
);
export type CatalogEntry = z.infer<typeof catalogSchema>[number];

/** The bundled example topologies. Read on every call, so edits show up without a restart. */
export class Examples {
  constructor(private readonly dir: string) {}

  async list(): Promise<ExampleInfo[]> {
    return (await this.catalog()).map(({ id, name, description }) => ({ id, name, description }));
  }

  /** Opens an example as an unsaved document: path null, so saving asks where. */
  async open(id: string): Promise<OpenedFile> {
    const entry = (await this.catalog()).find((e) => e.id === id);
    if (!entry) throw new HandlerError('NOT_FOUND', `There is no example "${id}"; pick one from the list of examples.`, { id });
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(join(this.dir, entry.file));
    } catch (error) {
      throw new HandlerError('UNAVAILABLE', `The example "${entry.name}" is missing from this installation (${(error as Error).message}); reinstalling Stackdraft restores it.`, { id });
    }
    const loaded = loadTopologyBytes(bytes);
    if (!loaded.ok) {
      throw new HandlerError('LOAD_FAILED', `The example "${entry.name}" does not load: ${formatProblem(loaded.problems[0]!, entry.file)}`, {
        path: join(this.dir, entry.file),
        problems: loaded.problems,
      });
    }
    return {
      path: null,
      name: entry.name,
      topology: loaded.topology,
      readOnly: loaded.readOnly,
      fromVersion: loaded.fromVersion,
      ...(loaded.notice !== undefined ? { notice: loaded.notice } : {}),
    };
  }

  private async catalog(): Promise<CatalogEntry[]> {
    const file = join(this.dir, 'catalog.json');
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new HandlerError('UNAVAILABLE', `The examples are missing from this installation (cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new HandlerError('UNAVAILABLE', `The example catalog ${file} is not valid JSON: ${(error as Error).message}.`);
    }
    const parsed = catalogSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HandlerError('UNAVAILABLE', `The example catalog ${file} is malformed at [${issue.path.join('.')}]: ${issue.message}.`);
    }
    return parsed.data;
  }
}
