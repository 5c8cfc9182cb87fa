import { runCli } from './main';
import { consoleOutput } from './io';

runCli(process.argv.slice(2), consoleOutput).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`stackdraft: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
