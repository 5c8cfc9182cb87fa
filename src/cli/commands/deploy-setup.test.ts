import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { DEPLOY_USAGE } from './deploy';
import { parseChangeArgs } from './deploy-setup';
import { ROLLBACK_USAGE } from './rollback';
import { capture } from './testing';

describe('arguments of deploy and rollback', () => {
  it.each([
    ['deploy', DEPLOY_USAGE],
    ['rollback', ROLLBACK_USAGE],
  ])('%s: an unknown option is refused with its usage', (_command, usage) => {
    const { output, err } = capture();
    expect(parseChangeArgs(['shop.stackdraft.yaml', '--teir', 'prod'], usage, output)).toBe(EXIT.UNREADABLE);
    expect(err.join('\n')).toMatch(/--teir/);
    expect(err.join('\n')).toContain(`usage: ${usage}`);
  });

  it.each(['0', '-5', 'soon'])('a health timeout of "%s" is refused, naming the value', (value) => {
    const { output, err } = capture();
    expect(parseChangeArgs(['shop.stackdraft.yaml', '--tier', 'prod', `--health-timeout=${value}`], DEPLOY_USAGE, output)).toBe(EXIT.UNREADABLE);
    expect(err.join('\n')).toBe(`--health-timeout must be a number of seconds above 0, not "${value}"`);
  });

  it('returns the file, the options and the timeout in seconds', () => {
    const { output, err } = capture();
    const parsed = parseChangeArgs(['shop.stackdraft.yaml', '--tier', 'prod', '--yes', '--break-lock', '--health-timeout', '90'], ROLLBACK_USAGE, output);
    expect(parsed).toMatchObject({ file: 'shop.stackdraft.yaml', healthTimeout: 90, values: { tier: 'prod', yes: true, 'break-lock': true } });
    expect(err).toEqual([]);
  });
});
