import { describe, expect, it } from 'vitest';
import { SshError } from '../ssh/errors';
import { isTransient, retryTransient } from './retry';

const lost = () => new SshError('CONNECTION_LOST', 'h1: the SSH connection was closed.');
const dockerSays = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode });

describe('retrying through short outages', () => {
  it('tells a broken path to Docker from a refusal by Docker', () => {
    expect(isTransient(lost())).toBe(true);
    expect(isTransient(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new Error('socket hang up'))).toBe(true);
    expect(isTransient(dockerSays(404, 'No such container: x'))).toBe(false);
    expect(isTransient(dockerSays(409, 'Conflict. The container name is already in use'))).toBe(false);
    expect(isTransient(new SshError('HOST_KEY_CHANGED', 'refused'))).toBe(false);
  });

  it('tries again until the step succeeds', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      if (++calls < 3) throw lost();
      return 'restored';
    }, 5_000, 1);
    expect([result, calls]).toEqual(['restored', 3]);
  });

  it('gives up at once on a refusal and after the window on an outage that lasts', async () => {
    let calls = 0;
    await expect(retryTransient(async () => { calls++; throw dockerSays(409, 'Conflict'); }, 5_000, 1)).rejects.toThrow('Conflict');
    expect(calls).toBe(1);
    await expect(retryTransient(async () => { throw lost(); }, 30, 10)).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });
});
