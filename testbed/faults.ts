/**
 * Real faults on a testbed host, for the deploy fault matrix: the same things a network,
 * a crashing daemon or an operator would do. Only for hosts of a fault testbed
 * (TB_HOSTS="4 5", own state dir): these hit every SSH session of the host.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repairTestbed, type Testbed, type TestbedChoice } from './harness';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FaultKind = 'connection-reset' | 'hang' | 'sshd-killed' | 'dockerd-restarted' | 'deployer-killed';

/** sN of "hN": the namespace and state subdirectory of a testbed host. */
const hostNumber = (name: string) => name.replace(/^h/, '');

async function pidFrom(file: string): Promise<number> {
  const pid = Number((await readFile(file, 'utf8')).trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);
  return pid;
}

async function childrenOf(pid: number): Promise<number[]> {
  const { stdout } = await run('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }));
  const direct = stdout.split('\n').filter(Boolean).map(Number);
  return [...direct, ...(await Promise.all(direct.map(childrenOf))).flat()];
}

/** The sshd processes serving connections to host `name` (children of its listening sshd). */
export async function sshdSessionPids(testbed: Testbed, name: string): Promise<number[]> {
  return childrenOf(await pidFrom(join(testbed.stateDir, name, 'sshd.pid')));
}

/** The sshd processes holding the TCP connection from our local `clientPort` (only that one session). */
export async function sshdSessionFor(name: string, clientPort: number): Promise<number[]> {
  const { stdout } = await run('ip', ['netns', 'exec', `sd-h${hostNumber(name)}`, 'ss', '-tnpH', 'state', 'established', '( sport = :22 )']);
  const line = stdout.split('\n').find((l) => l.trim().split(/\s+/)[3]?.endsWith(`:${clientPort}`));
  return [...(line ?? '').matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
}

/** Every open SSH connection to the host gets a TCP reset, as from a middlebox dropping state. */
export async function resetConnections(name: string): Promise<void> {
  const rule = ['INPUT', '-p', 'tcp', '--dport', '22', '-j', 'REJECT', '--reject-with', 'tcp-reset'];
  const ns = `sd-h${hostNumber(name)}`;
  await run('ip', ['netns', 'exec', ns, 'iptables', '-I', ...rule]);
  // Long enough for the client's next packet (a poll every 100 ms) to meet the reset.
  await sleep(1000);
  await run('ip', ['netns', 'exec', ns, 'iptables', '-D', ...rule]);
}

/** Freezes the sshd session processes (SIGSTOP): the TCP connection stays up, nothing answers. Returns the frozen pids. */
export async function hangSshd(testbed: Testbed, name: string): Promise<number[]> {
  const pids = await sshdSessionPids(testbed, name);
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return pids;
}

/** Kills the sshd session processes (SIGKILL), as an OOM killer or an admin would. */
export async function killSshdSessions(testbed: Testbed, name: string): Promise<number[]> {
  const pids = await sshdSessionPids(testbed, name);
  for (const pid of pids) killQuietly(pid, 'SIGKILL');
  return pids;
}

export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops dockerd as `systemctl restart docker` would (SIGTERM, containers stopped), then starts it again through up.sh. */
export async function restartDockerd(testbed: Testbed, name: string, choice: TestbedChoice): Promise<void> {
  const pid = await pidFrom(join(testbed.stateDir, name, 'dockerd.pid'));
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 300 && alive(pid); i++) await sleep(100);
  if (alive(pid)) throw new Error(`dockerd of ${name} (pid ${pid}) did not stop within 30 s`);
  await repairTestbed(choice);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
