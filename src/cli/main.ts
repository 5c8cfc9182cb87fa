import { analyzeCommand, ANALYZE_USAGE } from './commands/analyze';
import { deployCommand, DEPLOY_USAGE } from './commands/deploy';
import { planCommand, PLAN_USAGE } from './commands/plan';
import { rollbackCommand, ROLLBACK_USAGE } from './commands/rollback';
import { validateCommand, VALIDATE_USAGE } from './commands/validate';
import { exportCommand, EXPORT_USAGE } from './commands/export';
import { importCommand, IMPORT_USAGE } from './commands/import';
import { EXIT, type Output } from './io';

type Command = (args: readonly string[], output: Output) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
  analyze: { run: analyzeCommand, usage: ANALYZE_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  plan: { run: planCommand, usage: PLAN_USAGE },
  deploy: { run: deployCommand, usage: DEPLOY_USAGE },
  rollback: { run: rollbackCommand, usage: ROLLBACK_USAGE },
};

/** Runs one CLI invocation and returns its exit code (no process.exit here, for tests). */
export async function runCli(argv: readonly string[], output: Output): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (name && name !== '--help' && name !== '-h') output.err(`unknown command "${name}"`);
    output.err(['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n'));
    return name === '--help' || name === '-h' ? EXIT.OK : EXIT.UNREADABLE;
  }
  return command.run(args, output);
}
