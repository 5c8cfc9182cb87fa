import { acceleratorFor, commandItems, matchesAccelerator, type CommandId, type KeyPress, type Platform } from '../../shared/menu';

/**
 * The renderer's commands, by id. The native menu (through `menu.command`), the in-app
 * menu bar and keyboard shortcuts all run commands here, so each behaves the same from
 * anywhere. A command that nobody registered is shown disabled, never faked.
 */
export interface Command {
  id: CommandId;
  run(): void | Promise<void>;
  /** Evaluated when a menu opens or a shortcut fires; default always enabled. */
  enabled?(): boolean;
  /** For radio and check items (theme, view). */
  checked?(): boolean;
}

export interface CommandState {
  registered: boolean;
  enabled: boolean;
  checked: boolean;
}

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Adds commands (a later registration of an id replaces the earlier one); returns the undo. */
  register(...commands: Command[]): () => void {
    for (const command of commands) this.commands.set(command.id, command);
    this.changed();
    return () => {
      for (const command of commands) if (this.commands.get(command.id) === command) this.commands.delete(command.id);
      this.changed();
    };
  }

  state(id: string): CommandState {
    const command = this.commands.get(id);
    if (!command) return { registered: false, enabled: false, checked: false };
    return { registered: true, enabled: command.enabled?.() ?? true, checked: command.checked?.() ?? false };
  }

  /** Runs a registered, enabled command; answers whether it ran. */
  run(id: string): boolean {
    const command = this.commands.get(id);
    if (!command || !(command.enabled?.() ?? true)) return false;
    void Promise.resolve()
      .then(() => command.run())
      .catch((error: unknown) => console.error(`Command ${id} failed`, error));
    return true;
  }

  ids(): string[] {
    return [...this.commands.keys()];
  }

  /** The command whose menu accelerator this key press is, if one is registered. */
  commandForKey(press: KeyPress, platform: Platform): CommandId | undefined {
    for (const item of commandItems()) {
      const accelerator = acceleratorFor(item.accelerator, platform);
      if (accelerator && this.commands.has(item.id) && matchesAccelerator(press, accelerator, platform)) return item.id;
    }
    return undefined;
  }

  /** For useSyncExternalStore: changes whenever commands are added or removed. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The app's one registry. */
export const commands = new CommandRegistry();

/** The platform the page runs on, for shortcuts and how they are shown. */
export function currentPlatform(userAgent: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): Platform {
  if (/Mac|iPhone|iPad/.test(userAgent)) return 'darwin';
  if (/Windows/.test(userAgent)) return 'win32';
  return 'linux';
}
