import { readFile } from 'node:fs/promises';
import { Duplex } from 'node:stream';
import ssh2, { type AnyAuthMethod, type AuthenticationType, type Client, type ClientChannel, type ConnectConfig, type ParsedKey } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader gives its exports only as the default.
const { utils } = ssh2;
import { describeConnectError, SshError } from './errors';
import { fingerprintOf, keyTypeOf } from './known-hosts';
import { watchSlow } from './slow';
import { Slots } from './slots';
import type { TrustStore } from './trust-store';

/** Where to connect; the same shape as a host's `ssh` block in the model. */
export interface SshTarget {
  address: string;
  port: number;
  user: string;
  /** Key file; absent = the ssh-agent. */
  identityFile?: string;
}

/**
 * Supplies the passphrase of an encrypted key file. The app backs this with Electron's
 * safeStorage (refusing plain-text fallback); the CLI asks on the terminal. null = none.
 */
export interface PassphraseSource {
  passphraseFor(keyFile: string, attempt: number): Promise<string | null>;
}

export interface ConnectOptions {
  trust: TrustStore;
  passphrases?: PassphraseSource;
  /** ssh-agent socket; default SSH_AUTH_SOCK. */
  agentSocket?: string;
  /** Handshake and authentication deadline. */
  readyTimeoutMs?: number;
  keepAliveIntervalMs?: number;
  /** OpenSSH's default MaxSessions is 10: more parallel channels would be refused. */
  maxChannels?: number;
  /** How long sshd may take to answer a channel request; default CHANNEL_OPEN_TIMEOUT_MS. */
  channelOpenTimeoutMs?: number;
  /** Observes each authentication method offered (tests prove a refused key offers none). */
  onAuthAttempt?: (method: AnyAuthMethod['type']) => void;
}

/** OpenSSH key types → the host-key algorithms that present them. */
const ALGORITHMS_FOR_TYPE: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/** sshd answers a channel request at once; no answer by then means the connection is stuck. */
export const CHANNEL_OPEN_TIMEOUT_MS = 20_000;

export const describeTarget = (t: SshTarget): string => `${t.user}@${t.address}${t.port === 22 ? '' : `:${t.port}`}`;

/**
 * One authenticated SSH connection, shared by every Docker API call to its host. The host
 * key is checked before any credential is offered; channels are capped at `maxChannels`.
 */
export class SshConnection {
  private closed = false;
  private readonly closeListeners: ((error?: SshError) => void)[] = [];
  /** Streams in use: failed at once when the connection goes, so no Docker call waits on a dead channel. */
  private readonly streams = new Set<Duplex>();
  /** How many authentication methods were tried (0 when refused at the host key). */
  readonly stats = { authAttempts: 0 };

  private constructor(
    readonly target: SshTarget,
    private readonly client: Client,
    private readonly slots: Slots,
    private readonly channelOpenTimeoutMs: number,
  ) {
    const lost = () => this.markClosed(new SshError('CONNECTION_LOST', `${describeTarget(target)}: the SSH connection was closed.`));
    // 'end' comes first when the server side dies (sshd killed); nothing more can arrive after it.
    client.on('end', lost);
    client.on('close', lost);
    client.on('error', (error) => this.markClosed(describeConnectError(describeTarget(target), error)));
  }

  static async connect(target: SshTarget, options: ConnectOptions): Promise<SshConnection> {
    const where = describeTarget(target);
    const client = new ssh2.Client();
    const stats = { authAttempts: 0 };
    const methods = await authMethods(target, options);
    let refusal: SshError | undefined;

    const config: ConnectConfig = {
      host: target.address,
      port: target.port,
      username: target.user,
      agentForward: false,
      readyTimeout: options.readyTimeoutMs ?? 15_000,
      keepaliveInterval: options.keepAliveIntervalMs ?? 10_000,
      keepaliveCountMax: 3,
      algorithms: { serverHostKey: preferredHostKeyAlgorithms(options.trust.knownKeyTypes(target.address, target.port)) as never },
      hostVerifier: (key: Buffer) => {
        const verdict = options.trust.verify(target.address, target.port, key);
        if (verdict.status === 'trusted') return true;
        refusal = hostKeyRefusal(where, target, key, verdict);
        return false;
      },
      authHandler: (_left, _partial, next) => {
        const method = methods.shift();
        if (method) {
          stats.authAttempts++;
          options.onAuthAttempt?.(method.type);
        }
        next(method ?? (false as unknown as AuthenticationType));
      },
    };

    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error & { level?: string }) => {
        client.removeListener('ready', onReady);
        // ssh2 may report more (e.g. "Connection lost before handshake" after a timeout): one answer is enough.
        client.on('error', () => undefined);
        client.end();
        if (refusal) reject(refusal);
        else if (error.level === 'client-authentication' && stats.authAttempts === 0) {
          reject(new SshError('NO_CREDENTIALS', `${where}: no key to offer — start an ssh-agent with your key loaded, or set an identity file for this host.`));
        } else reject(describeConnectError(where, error));
      };
      const onReady = () => {
        client.removeListener('error', onError);
        resolve();
      };
      client.once('error', onError);
      client.once('ready', onReady);
      client.connect(config);
    });

    const connection = new SshConnection(target, client, new Slots(options.maxChannels ?? 10), options.channelOpenTimeoutMs ?? CHANNEL_OPEN_TIMEOUT_MS);
    connection.stats.authAttempts = stats.authAttempts;
    return connection;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get channelsInUse(): number {
    return this.slots.inUse;
  }

  onClose(listener: (error?: SshError) => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** A stream to a unix socket on the host (the Docker socket), counted against the channel cap. */
  async openSocketStream(socketPath: string): Promise<Duplex> {
    if (this.closed) throw new SshError('CONNECTION_LOST', `${describeTarget(this.target)}: the SSH connection is closed.`);
    const where = `${describeTarget(this.target)} ${socketPath}`;
    const release = await watchSlow(() => `a free SSH channel to ${where} (${this.slots.inUse} in use)`, this.slots.acquire());
    try {
      const stream = await watchSlow(() => `sshd to open a channel to ${where}`, this.openChannel(socketPath));
      stream.once('close', release);
      if (this.closed) {
        stream.destroy();
        throw new SshError('CONNECTION_LOST', `${describeTarget(this.target)}: the SSH connection was lost.`);
      }
      this.streams.add(stream);
      stream.once('close', () => this.streams.delete(stream));
      return stream;
    } catch (error) {
      release();
      if (this.closed) throw new SshError('CONNECTION_LOST', `${describeTarget(this.target)}: the SSH connection was lost.`, undefined, { cause: error });
      throw new SshError(
        'CHANNEL_FAILED',
        `${describeTarget(this.target)}: cannot open ${socketPath} through SSH (${(error as Error).message}) — is the user allowed to use the Docker socket, and is AllowStreamLocalForwarding on in sshd?`,
        undefined,
        { cause: error },
      );
    }
  }

  /** One direct-streamlocal channel; fails when sshd does not answer in time (a late channel is closed at once). */
  private openChannel(socketPath: string): Promise<ClientChannel> {
    return new Promise<ClientChannel>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`sshd did not answer the channel request for ${this.channelOpenTimeoutMs / 1000} s`));
      }, this.channelOpenTimeoutMs);
      this.client.openssh_forwardOutStreamLocal(socketPath, (error, channel) => {
        clearTimeout(timer);
        if (timedOut) channel?.close();
        else if (error) reject(error);
        else resolve(channel);
      });
    });
  }

  close(): void {
    this.client.end();
    this.markClosed();
  }

  /** Local TCP port of the connection: lets a fault test find the sshd process serving exactly this one. */
  get localPort(): number | undefined {
    return (this.client as unknown as { _sock?: { localPort?: number } })._sock?.localPort;
  }

  /** For fault tests: drops the TCP connection without a goodbye, as a network failure would. */
  destroyForTest(): void {
    (this.client as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
  }

  private markClosed(error?: SshError): void {
    if (this.closed) return;
    this.closed = true;
    // ssh2's Channel.destroy() only asks the (dead) server to close; the stream's own destroy ends it here and now.
    // With the reason when the connection was lost (whoever reads gets it); without one on our own close().
    for (const stream of this.streams) Duplex.prototype.destroy.call(stream, error);
    this.streams.clear();
    for (const listener of this.closeListeners.splice(0)) listener(error);
  }
}

function preferredHostKeyAlgorithms(knownTypes: readonly string[]): string[] {
  const all = Object.values(ALGORITHMS_FOR_TYPE).flat();
  const preferred = knownTypes.flatMap((t) => ALGORITHMS_FOR_TYPE[t] ?? []);
  return [...new Set([...preferred, ...all])];
}

function hostKeyRefusal(where: string, target: SshTarget, key: Buffer, verdict: Exclude<ReturnType<TrustStore['verify']>, { status: 'trusted' }>): SshError {
  const details = { host: target.address, port: target.port, keyType: keyTypeOf(key), fingerprint: fingerprintOf(key), publicKey: key.toString('base64') };
  if (verdict.status === 'unknown') {
    return new SshError('HOST_KEY_UNKNOWN', `${where}: this host is not known yet. Its ${verdict.keyType} key has the fingerprint ${verdict.fingerprint}; compare it with the server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it.`, details);
  }
  return new SshError(
    'HOST_KEY_CHANGED',
    `${where}: REFUSED — the host key changed. Expected ${verdict.expected.join(' or ')} (from ${verdict.source}), got ${verdict.fingerprint}. Someone may be intercepting the connection, or the server was reinstalled; nothing was sent to it. If the change is expected, remove the old key and trust the new one.`,
    { ...details, expected: verdict.expected, source: verdict.source },
  );
}

/** Agent first (if there is one), then the key file, as OpenSSH does. Never a password. */
async function authMethods(target: SshTarget, options: ConnectOptions): Promise<AnyAuthMethod[]> {
  const methods: AnyAuthMethod[] = [];
  const agent = options.agentSocket ?? process.env.SSH_AUTH_SOCK;
  if (agent && !target.identityFile) methods.push({ type: 'agent', username: target.user, agent });
  if (target.identityFile) methods.push({ type: 'publickey', username: target.user, key: await loadKey(target.identityFile, options.passphrases) });
  return methods;
}

async function loadKey(file: string, passphrases: PassphraseSource | undefined): Promise<ParsedKey> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    throw new SshError('NO_CREDENTIALS', `cannot read the key file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let parsed = firstKey(utils.parseKey(data));
  for (let attempt = 1; parsed instanceof Error && /passphrase|encrypted/i.test(parsed.message); attempt++) {
    const passphrase = attempt <= 3 ? await passphrases?.passphraseFor(file, attempt) : null;
    if (!passphrase) {
      // The path only, never a passphrase: the window asks for one and the request is retried.
      const incorrect = attempt > 1;
      throw new SshError('KEY_PASSPHRASE_NEEDED', `the key file ${file} is encrypted and ${incorrect ? 'the passphrase given does not open it' : 'no passphrase for it is known'}.`, { keyFile: file, incorrect });
    }
    parsed = firstKey(utils.parseKey(data, passphrase));
  }
  if (parsed instanceof Error) throw new SshError('NO_CREDENTIALS', `the key file ${file} cannot be used: ${parsed.message}`);
  return parsed;
}

function firstKey(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error {
  return Array.isArray(parsed) ? (parsed[0] ?? new Error('the file holds no key')) : parsed;
}
