/**
 * One share of the "cut at every byte offset" fuzzing, run as its own process so that
 * the long run can use every core and still time each load by this process's CPU:
 * `tsx truncate-part.ts <share> <shares> <stride>` prints its tally as JSON.
 */
import { join } from 'node:path';
import { fuzzTruncations, readExamples } from './files';

const [share, shares, stride] = process.argv.slice(2).map(Number);
if (share === undefined || !shares || !stride || share >= shares) throw new Error('usage: truncate-part.ts <share> <shares> <stride>');
const examples = await readExamples(join(import.meta.dirname, '../../resources/examples'));
process.stdout.write(JSON.stringify(fuzzTruncations(examples, stride * shares, share * stride)));
