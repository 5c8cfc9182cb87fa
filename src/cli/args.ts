/** `--name value` / `-o value` options and positional arguments; unknown options are errors. */
export function parseArgs(
  args: readonly string[],
  known: Record<string, { alias?: string; flag?: boolean }>,
): { positional: string[]; options: Record<string, string | true>; error?: string } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const byAlias = new Map(Object.entries(known).flatMap(([name, spec]) => [[`--${name}`, name], ...(spec.alias ? [[`-${spec.alias}`, name] as [string, string]] : [])]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = byAlias.get(flag);
    if (!name) return { positional, options, error: `unknown option "${flag}"` };
    if (known[name]!.flag) {
      options[name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { positional, options, error: `option "${flag}" needs a value` };
    options[name] = value;
  }
  return { positional, options };
}
