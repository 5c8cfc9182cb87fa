/**
 * What must never be in an export, whatever the model holds: the checks the hostile-string
 * tests and the reliability run apply. Each hazard is named so a failure says what leaked.
 */
export function svgHazards(svg: string): string[] {
  // Text is escaped (`&lt;`), so every `<…>` is markup the exporter wrote: look only there.
  const tags = svg.match(/<[^>]*>/g) ?? [];
  const hazards = new Set<string>();
  for (const tag of tags) {
    if (/^<\/?foreignObject/i.test(tag)) hazards.add('foreignObject element');
    if (/^<\/?script/i.test(tag)) hazards.add('script element');
    if (/^<\/?(iframe|img|image|use|a|style|object|embed)\b/i.test(tag)) hazards.add(`${tag.slice(1).split(/[\s>/]/)[0]} element`);
    if (/^<!(DOCTYPE|ENTITY)/i.test(tag)) hazards.add('DTD or entity declaration');
    if (/\son[a-z]+\s*=/i.test(tag)) hazards.add('on* event attribute');
    if (/\s(xlink:)?(href|src)\s*=/i.test(tag)) hazards.add('link or external reference');
    if (/javascript:/i.test(tag)) hazards.add('javascript: URL');
  }
  return [...hazards];
}

/** Mermaid text: no markup outside our own line breaks, no directives, clicks or Markdown strings. */
export function mermaidHazards(text: string): string[] {
  const hazards: string[] = [];
  if (/<(?!br\/>)/i.test(text)) hazards.push('markup other than <br/>');
  if (/%%\{/.test(text)) hazards.push('init directive');
  if (/^\s*(click|callback|href)\s/im.test(text)) hazards.push('click or link directive');
  if (/`/.test(text)) hazards.push('Markdown string (backtick)');
  if (/javascript:/i.test(text)) hazards.push('javascript: URL');
  return hazards;
}
