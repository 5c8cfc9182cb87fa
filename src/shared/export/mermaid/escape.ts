/**
 * Text inside a quoted Mermaid label. Anything but plain letters, digits and a few
 * harmless marks becomes a Mermaid entity (`#60;`), so that no name can close the quote,
 * open markup, start a Markdown string or a comment: a hostile name stays text.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^A-Za-z0-9 .,_/()+\-–·≤≥%×—]/g, (char) => `#${char.codePointAt(0)};`);
}

/** A quoted label; `lines` are joined with Mermaid's own line break. */
export function mermaidLabel(...lines: string[]): string {
  return `"${lines.filter((line) => line.length > 0).map(mermaidText).join('<br/>')}"`;
}

/**
 * Mermaid ids from model ids: `[a-z0-9_]` only (a `-` can read as part of an arrow, and
 * words like `end` are keywords), made unique with a counter when two ids collide.
 */
export class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  get(prefix: string, modelId: string): string {
    const key = `${prefix}:${modelId}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const base = `${prefix}_${modelId.replace(/[^a-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}_${n}`;
    this.taken.add(candidate);
    this.byKey.set(key, candidate);
    return candidate;
  }
}

/** A plane colour as a light fill for boxes; the full colour stays on the border. */
export function tint(hex: string, amount: number): string {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
