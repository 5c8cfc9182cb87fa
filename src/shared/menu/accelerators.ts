/**
 * Accelerators in Electron's syntax (`CmdOrCtrl+Shift+S`), resolved per platform, shown
 * the way each platform shows them, and matched against key events for the browser build.
 */
export type Platform = 'darwin' | 'win32' | 'linux';

/** One accelerator for every platform, or one per platform (absent = none there). */
export type AcceleratorSpec = string | Partial<Record<Platform, string>>;

export function acceleratorFor(spec: AcceleratorSpec | undefined, platform: Platform): string | undefined {
  if (spec === undefined) return undefined;
  return typeof spec === 'string' ? spec : spec[platform];
}

interface Chord {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

const KEY_ALIASES: Record<string, string> = { plus: '+', esc: 'escape', return: 'enter', del: 'delete', space: ' ' };

/** Splits an accelerator into modifiers and key, with CmdOrCtrl resolved for `platform`. */
export function parseAccelerator(accelerator: string, platform: Platform): Chord {
  const chord: Chord = { ctrl: false, meta: false, alt: false, shift: false, key: '' };
  // "CmdOrCtrl+Plus" and "CmdOrCtrl+=" both exist; a trailing "+" is the key itself.
  const parts = accelerator.endsWith('++') ? [...accelerator.slice(0, -2).split('+'), '+'] : accelerator.split('+');
  for (const part of parts) {
    switch (part.toLowerCase()) {
      case 'cmdorctrl':
      case 'commandorcontrol':
        if (platform === 'darwin') chord.meta = true;
        else chord.ctrl = true;
        break;
      case 'cmd':
      case 'command':
      case 'meta':
      case 'super':
        chord.meta = true;
        break;
      case 'ctrl':
      case 'control':
        chord.ctrl = true;
        break;
      case 'alt':
      case 'option':
        chord.alt = true;
        break;
      case 'shift':
        chord.shift = true;
        break;
      default:
        chord.key = KEY_ALIASES[part.toLowerCase()] ?? part.toLowerCase();
    }
  }
  return chord;
}

const MAC_SYMBOLS = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' } as const;
const KEY_LABELS: Record<string, string> = { '+': 'Plus', '-': '−', '=': '=', ' ': 'Space', pageup: 'PgUp', pagedown: 'PgDn', escape: 'Esc', delete: 'Del', enter: 'Enter' };

/** `Ctrl+Shift+S` on Windows and Linux, `⇧⌘S` on macOS. */
export function displayAccelerator(accelerator: string, platform: Platform): string {
  const chord = parseAccelerator(accelerator, platform);
  const key = KEY_LABELS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key.replace(/^f(\d+)$/, 'F$1').replace(/^\w/, (c) => c.toUpperCase()));
  if (platform === 'darwin') {
    return `${chord.ctrl ? MAC_SYMBOLS.ctrl : ''}${chord.alt ? MAC_SYMBOLS.alt : ''}${chord.shift ? MAC_SYMBOLS.shift : ''}${chord.meta ? MAC_SYMBOLS.meta : ''}${key}`;
  }
  return [chord.ctrl && 'Ctrl', chord.meta && 'Super', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The subset of a KeyboardEvent the matcher reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Whether a key press is this accelerator (exact modifiers; letters case-insensitive). */
export function matchesAccelerator(press: KeyPress, accelerator: string, platform: Platform): boolean {
  const chord = parseAccelerator(accelerator, platform);
  let key = press.key.toLowerCase();
  // Shift+= types "+" on most layouts: accept either spelling of the zoom-in key.
  if (chord.key === '+' && key === '=' && press.shiftKey) key = '+';
  if (chord.key === '=' && key === '+') key = '=';
  const shiftMatters = !(chord.key === '+' || chord.key === '=');
  return (
    key === chord.key &&
    press.ctrlKey === chord.ctrl &&
    press.metaKey === chord.meta &&
    press.altKey === chord.alt &&
    (!shiftMatters || press.shiftKey === chord.shift)
  );
}
