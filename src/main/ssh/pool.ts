import { describeTarget, SshConnection, type ConnectOptions, type SshTarget } from './connection';

/**
 * One SSH connection per host, reused by everything that talks to it. A lost connection
 * is dropped from the pool, so the next request reconnects (a re-run after a network
 * failure works without restarting the app).
 */
export class SshPool {
  private readonly connections = new Map<string, Promise<SshConnection>>();
  /** Connections opened so far (the benchmark checks: exactly one per host). */
  opened = 0;

  constructor(private readonly options: ConnectOptions) {}

  get(target: SshTarget): Promise<SshConnection> {
    const key = describeTarget(target) + (target.identityFile ? ` ${target.identityFile}` : '');
    const existing = this.connections.get(key);
    if (existing) return existing;
    const connecting = SshConnection.connect(target, this.options).then(
      (connection) => {
        this.opened++;
        connection.onClose(() => {
          if (this.connections.get(key) === connecting) this.connections.delete(key);
        });
        return connection;
      },
      (error: unknown) => {
        this.connections.delete(key);
        throw error;
      },
    );
    this.connections.set(key, connecting);
    return connecting;
  }

  /** Closes the connections to one host (its key was removed: the next use must verify again). */
  async closeTo(address: string, port: number): Promise<void> {
    for (const [key, connecting] of [...this.connections]) {
      const connection = await connecting.catch(() => null);
      if (connection?.target.address !== address || connection.target.port !== port) continue;
      if (this.connections.get(key) === connecting) this.connections.delete(key);
      connection.close();
    }
  }

  async closeAll(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    for (const settled of await Promise.allSettled(all)) if (settled.status === 'fulfilled') settled.value.close();
  }
}
