import { isAbsolute, resolve } from 'node:path';

/**
 * The topology files named on a command line (`stackdraft shop.stackdraft.yaml`), as
 * absolute paths. Flags (Electron and Chromium add their own) and other files are skipped.
 */
export function filesToOpen(args: readonly string[], cwd: string): string[] {
  return args.filter((arg) => !arg.startsWith('-') && /\.ya?ml$/i.test(arg)).map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
