import { z } from 'zod';
import type { LoadProblem } from '../format/errors';
import type { ImportNote, SshConfigHost } from '../import';
import { topologySchema, type Topology } from '../model';
import { APP_LINKS, editableSettingsSchema, type AppLink, type EditableSettings } from '../settings';

/**
 * The one contract between renderer and main. Each channel is `domain.verb` with a zod
 * schema for its request (parsed in main before any handler runs) and a response type.
 * Both transports — Electron IPC and the local WebSocket bridge — serve exactly this.
 */
interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-only marker; never read at run time. */
  response: Res;
}

/** `channel<Response>()(requestSchema)`: the response type is given, the request inferred. */
function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request, response: undefined as Res });
}

const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL characters');

/** What `secrets.list` answers: names only, so nothing secret ever reaches the renderer. */
export interface SecretNames {
  /** `<NAME>` of each stored `token/<NAME>` (deploy secrets). */
  tokens: string[];
  /** Key file path of each stored `ssh/key<path>/passphrase`. */
  passphraseKeyFiles: string[];
}

/** `ssh/<host>/passphrase`, `token/<name>`: the names secrets are stored under. */
export const secretKey = z
  .string()
  .max(256)
  .regex(/^[a-z][a-z0-9-]*(\/[A-Za-z0-9._:@-]+)+$/, 'must look like "ssh/host.example/passphrase"');

const commandIds = z.array(z.string().regex(/^[a-z]+\.[a-zA-Z]+$/, 'must be a command id such as "file.save"')).max(200);

/** Only YAML files are read or written through the contract. */
export const topologyPath = filePath.refine((p) => /\.ya?ml$/i.test(p), 'must be a .yaml or .yml file');

export interface OpenedFile {
  /** null for an example or a recovered draft: saving asks where to. */
  path: string | null;
  /** What the title bar shows. */
  name: string;
  topology: Topology;
  readOnly: boolean;
  fromVersion: number;
  notice?: string;
}

export interface SavedFile {
  path: string;
  name: string;
  /** True when the file already held exactly this document and was not rewritten. */
  unchanged: boolean;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface ExampleInfo {
  id: string;
  name: string;
  description: string;
}

export interface AppInfo {
  version: string;
  transport: 'electron' | 'bridge';
  /** Whether main can show native open/save dialogs (false on the bridge). */
  nativeDialogs: boolean;
}

/** Unsaved work kept in the user-data folder, offered again after a crash or kill. */
export interface Recovered {
  topology: Topology;
  /** The file it was opened from, or null for an example or a new document. */
  path: string | null;
  name: string;
  /** ISO time of the autosave. */
  savedAt: string;
}

// ── Deploy (issue 6): plan, apply as a job, cancel, live status, host-key trust ──

/** One planned change, as the plan table shows it (no container bodies: they hold secret values). */
export interface PlannedActionView {
  kind: 'create' | 'replace' | 'remove' | 'unchanged';
  service: string;
  name: string;
  /** 0-based cold-start phase; absent for removals. */
  phase?: number;
  reasons: string[];
}

export interface DeployPlanView {
  project: string;
  tier: string;
  phases: string[][];
  problems: string[];
  hasChanges: boolean;
  hosts: {
    host: string;
    address: string;
    actions: PlannedActionView[];
    createNetworks: string[];
    createVolumes: string[];
    removeNetworks: string[];
    unusedVolumes: string[];
    missingImages: string[];
    lock?: { holder: string; since: string };
  }[];
}

/** One version of a service in a rollback preview: its config hash and when its container was created. */
export interface RollbackVersionView {
  hash: string;
  createdAt: string;
}

/** What `deploy.rollback` would do: per host and service, from the running version to the kept one. */
export interface RollbackPlanView {
  project: string;
  tier: string;
  /** back = undoes the last deploy; forward = undoes the last rollback. */
  direction: 'back' | 'forward';
  /** Why there is nothing to roll back, when there is not. */
  nothing?: string;
  hosts: {
    host: string;
    address: string;
    actions: { kind: 'swap' | 'remove' | 'unchanged'; service: string; name: string; phase: number; reason: string; from?: RollbackVersionView; to?: RollbackVersionView }[];
    lock?: { holder: string; since: string };
  }[];
}

export interface DeployStatusView {
  hosts: { host: string; reachable: boolean; error?: string; containers: { service: string; name: string; state: string; health?: string }[] }[];
}

/** Details of a HOST_KEY_UNKNOWN error: the question to ask, answered with `hostKey.trust`. */
export interface HostKeyQuestion {
  requestId: string;
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
}

/** A key in the Known Hosts dialog (see TrustStore.list). */
export interface KnownHostKeyView {
  host: string;
  port: number | null;
  keyType: string;
  fingerprint: string;
  /** `stackdraft` = Stackdraft's own store; else the known_hosts `file:line` it was read from. */
  source: string;
  removable: boolean;
  addedAt?: string;
}

/** Details of a KEY_PASSPHRASE_NEEDED error: which key, whether a passphrase was tried, whether it can be remembered. */
export interface PassphraseQuestion {
  keyFile: string;
  incorrect: boolean;
  remember: { available: boolean; reason?: string };
}

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'must be a SHA256 fingerprint');
const deployTarget = z.strictObject({ topology: topologySchema, tier: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'must be a tier id') });
const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a job id');

const deployChannels = {
  /** Reads every host of the tier and answers what a deploy would change; changes nothing. */
  'deploy.plan': channel<DeployPlanView>()(deployTarget),
  /** Starts a deploy job; progress, logs and the final report arrive as `job.event`s. */
  'deploy.apply': channel<{ jobId: string }>()(
    deployTarget.extend({ breakLock: z.boolean().optional(), healthTimeoutSeconds: z.number().positive().max(3600).optional() }),
  ),
  /** What a rollback to the kept previous version would do; changes nothing. */
  'deploy.rollbackPlan': channel<RollbackPlanView>()(deployTarget),
  /** Starts a rollback job (cancel with `deploy.cancel`); events and the final report as for `deploy.apply`. */
  'deploy.rollback': channel<{ jobId: string }>()(deployTarget.extend({ breakLock: z.boolean().optional() })),
  /** Stops the job and rolls back what it changed; false when the job already ended. */
  'deploy.cancel': channel<{ cancelled: boolean }>()(z.strictObject({ jobId })),
  'deploy.status': channel<DeployStatusView>()(deployTarget),
  /** Trusts the key of an earlier HOST_KEY_UNKNOWN question, identified by its request id and fingerprint. */
  'hostKey.trust': channel<{ host: string; fingerprint: string }>()(
    z.strictObject({ requestId: z.string().regex(/^[a-z0-9]{1,32}$/, 'must be a request id'), fingerprint }),
  ),
  /** Every host key Stackdraft trusts, its own and those read from known_hosts, with where each came from. */
  'hostKey.list': channel<KnownHostKeyView[]>()(z.strictObject({})),
  /** Forgets a key from Stackdraft's own store (known_hosts files are never written); false when none matched. */
  'hostKey.remove': channel<{ removed: boolean }>()(
    z.strictObject({ host: z.string().min(1).max(255).regex(/^[A-Za-z0-9.:_-]+$/, 'must be a host name or address'), port: z.number().int().min(1).max(65535), fingerprint }),
  ),
  /**
   * The passphrase for a key file a KEY_PASSPHRASE_NEEDED error named. Main checks that it
   * opens the key, keeps it for the session and, if asked and possible, in the keychain.
   * Nothing answers it back.
   */
  'ssh.passphrase': channel<{ remembered: boolean; reason?: string }>()(
    z.strictObject({ keyFile: filePath, passphrase: z.string().min(1).max(1024), remember: z.boolean() }),
  ),
} as const;

/** What the app was asked to open when it started (command line, file association, dev:web). */
export type StartupOpen = { path: string } | { exampleId: string };

// ── Exports (issue 5): the export dialog saves what it previews. ──
/** Extensions an export may be saved under; main refuses anything else. */
export const exportPath = filePath.refine((p) => /\.(mmd|md|svg|png|ya?ml)$/i.test(p), 'must be a .mmd, .md, .svg, .png, .yml or .yaml file');
const MAX_EXPORT_CHARS = 20_000_000;
/** Text is written as given; `png` is rasterised from the SVG in main (resvg never runs in the renderer). */
export const exportContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().max(MAX_EXPORT_CHARS) }),
  z.strictObject({ kind: z.literal('png'), svg: z.string().max(MAX_EXPORT_CHARS), scale: z.number().min(0.25).max(8).optional() }),
]);
export const exportChannels = {
  /** Writes atomically; without a path main asks with a native dialog; null = the user cancelled. */
  'export.save': channel<{ path: string } | null>()(
    z.strictObject({ path: exportPath.optional(), suggestedName: z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'must be a file name'), content: exportContent }),
  ),
} as const;

// ── Imports (issue 5): compose files are read in the page; the ssh config only main may read. ──
export interface SshConfigImport {
  /** The file read, for the dialog to say where the hosts came from. */
  path: string;
  hosts: SshConfigHost[];
  notes: ImportNote[];
}
export const importChannels = {
  /** The hosts of the user's own ~/.ssh/config; the page names no path, so it cannot read other files. */
  'import.sshConfig': channel<SshConfigImport>()(z.strictObject({})),
} as const;

export const channels = {
  'app.info': channel<AppInfo>()(z.strictObject({})),
  /** The file or example to open at start, handed out once; null when there is none. */
  'app.takeStartupOpen': channel<StartupOpen | null>()(z.strictObject({})),
  /** Without a path, main asks with a native dialog; null = the user cancelled. */
  'file.open': channel<OpenedFile | null>()(z.strictObject({ path: topologyPath.optional() })),
  /** Writes atomically to a path opened or saved before; refuses read-only files. */
  'file.save': channel<SavedFile>()(
    z.strictObject({ path: topologyPath, topology: topologySchema, overwriteExternalChanges: z.boolean().optional() }),
  ),
  /** Without a path, main asks with a native dialog; null = the user cancelled. */
  'file.saveAs': channel<SavedFile | null>()(z.strictObject({ path: topologyPath.optional(), topology: topologySchema })),
  'file.listRecent': channel<RecentFile[]>()(z.strictObject({})),
  /** Empties the recent files list (Preferences ▸ Files). */
  'file.clearRecent': channel<null>()(z.strictObject({})),
  'example.list': channel<ExampleInfo[]>()(z.strictObject({})),
  'example.open': channel<OpenedFile>()(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be an example id') })),

  // ── Desktop shell (issue 7): settings, window state, links, secrets ──
  'settings.get': channel<EditableSettings>()(z.strictObject({})),
  /** A partial update, validated field by field; answers the settings that result. */
  'settings.update': channel<EditableSettings>()(editableSettingsSchema.partial()),
  /** What the window title and the close confirmation show; null name = nothing open. */
  'window.setDocumentState': channel<null>()(
    z.strictObject({ name: z.string().max(256).nullable(), path: topologyPath.nullable(), dirty: z.boolean() }),
  ),
  /** Which menu commands the window can run now and which are checked: the native menu follows. */
  'window.setMenuState': channel<null>()(z.strictObject({ enabled: commandIds, checked: commandIds })),
  /** Opens one of the app's own https links in the browser (never a URL from the page). */
  'app.openLink': channel<{ opened: boolean; url: string }>()(z.strictObject({ link: z.enum(Object.keys(APP_LINKS) as [AppLink, ...AppLink[]]) })),
  /** Whether secrets can be stored here, and if not why; never returns a secret. */
  'secrets.status': channel<{ available: boolean; reason?: string }>()(z.strictObject({})),
  /** Stores a secret (renderer → main only; no channel reads one back). */
  'secrets.set': channel<null>()(z.strictObject({ key: secretKey, value: z.string().min(1).max(8192) })),
  'secrets.delete': channel<null>()(z.strictObject({ key: secretKey })),
  /** The NAMES of stored deploy secrets and the key files with a remembered passphrase; never a value. */
  'secrets.list': channel<SecretNames>()(z.strictObject({})),
  // --- Recovery (editor): autosave of unsaved work, offered again at the next start ---
  /** Replaces the recovery file atomically with the current unsaved document. */
  'recovery.save': channel<void>()(z.strictObject({ topology: topologySchema, path: topologyPath.nullable(), name: z.string().min(1).max(300) })),
  /** The recovered work, if any; it stays on disk until discarded or saved over, so a second crash loses nothing. */
  'recovery.take': channel<Recovered | null>()(z.strictObject({})),
  /** Forgets the recovered work (after a save, a clean close, or when the user declines it). */
  'recovery.discard': channel<void>()(z.strictObject({})),
  ...exportChannels,
  ...importChannels,
  ...deployChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = Channels[C]['response'];

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/** Details of a LOAD_FAILED error. */
export interface LoadFailedDetails {
  path: string;
  problems: LoadProblem[];
}

/**
 * Events main pushes to the renderer. Long jobs (deploy, layout, export) return a job id
 * and then stream `job.event`s until `done`, `failed` or `cancelled`.
 */
export const events = {
  'job.event': z.strictObject({
    jobId: z.string(),
    kind: z.enum(['progress', 'log', 'done', 'failed', 'cancelled']),
    message: z.string().optional(),
    /** 0..1 when known. */
    progress: z.number().min(0).max(1).optional(),
    data: z.unknown().optional(),
  }),
  /** A native menu item the renderer acts on, e.g. `file.save`. */
  'menu.command': z.strictObject({ command: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
