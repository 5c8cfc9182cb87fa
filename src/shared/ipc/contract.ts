import { z } from 'zod';
import type { LoadProblem } from '../format/errors';
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

/** What the app was asked to open when it started (command line, file association, dev:web). */
export type StartupOpen = { path: string } | { exampleId: string };

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
