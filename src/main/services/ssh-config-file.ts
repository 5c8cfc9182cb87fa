import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fromSshConfig } from '../../shared/import';
import { HandlerError, type SshConfigImport } from '../../shared/ipc';

/** The hosts of an OpenSSH client config, for File ▸ Import; a missing file is a clear NOT_FOUND. */
export async function readSshConfigHosts(path: string = join(homedir(), '.ssh', 'config')): Promise<SshConfigImport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HandlerError('NOT_FOUND', `${path} does not exist: there are no ssh hosts to import.`);
    throw new HandlerError('IO_ERROR', `${path}: cannot read: ${(error as Error).message}`);
  }
  return { path, ...fromSshConfig(text) };
}
