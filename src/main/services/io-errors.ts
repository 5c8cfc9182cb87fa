import { basename } from 'node:path';
import { HandlerError } from '../../shared/ipc';

/** Turns a file-system error into an IO_ERROR whose message says what to do about it. */
export function ioError(action: 'open' | 'save' | 'read', path: string, error: unknown): HandlerError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = basename(path);
  const why = reasons[code ?? ''] ?? `${(error as Error | undefined)?.message ?? String(error)}`;
  return new HandlerError('IO_ERROR', `Cannot ${action} ${name}: ${why}.`, { path, errno: code });
}

const reasons: Record<string, string> = {
  EACCES: 'permission denied; check that you may write to this file and its folder',
  EPERM: 'the operation is not permitted; check the file and folder permissions',
  ENOSPC: 'the disk is full; free some space and try again',
  EDQUOT: 'your disk quota is used up; free some space and try again',
  EROFS: 'the file system is read-only; choose another place with Save As',
  ENOENT: 'the file or its folder does not exist (was it moved or deleted?)',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'this is a folder, not a file',
  EBUSY: 'the file is in use by another program; close it there and try again',
  EMFILE: 'too many files are open; close some windows and try again',
};
