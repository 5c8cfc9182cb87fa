/** Text content and attribute values: every markup character becomes an entity. */
export function xmlEscape(text: string): string {
  // XML 1.0 forbids most control characters even as entities: drop them.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Fits text into `width` pixels at `fontSize` (average glyph ≈ 0.6 em), with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
