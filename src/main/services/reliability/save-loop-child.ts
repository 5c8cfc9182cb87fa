/**
 * Child process for the kill-while-saving trials: saves version A, then B, then A … to
 * `path`, reading the two versions from the files named after it, forever, printing "saving" once the first save has begun. The
 * parent kills it with SIGKILL at a random moment.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write';

const [path, ...versionFiles] = process.argv.slice(2) as [string, string, string];
const versions = await Promise.all(versionFiles.map((file) => readFile(file)));
process.stdout.write('saving\n');
for (let i = 0; ; i++) await writeFileAtomic(path, versions[i % 2]!);
