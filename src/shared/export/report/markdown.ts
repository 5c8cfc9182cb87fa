/** A Markdown table cell: pipes and line breaks would break the table, markup stays text. */
export function cell(text: string | number): string {
  return String(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\|`*_[\]<>#])/g, '\\$1');
}

export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly ('l' | 'r')[]): string[] {
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.map(cell).join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}
