import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | null = null;
let counter = 0;

/** The mermaid package is large: it is fetched the first time a preview needs it, never at start. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}

/**
 * Renders one diagram to SVG text. Strict security: labels are sanitised and clicks and
 * scripts are off, so a hostile name in the model stays text. Parse errors throw with
 * mermaid's own message instead of drawing its "syntax error" picture.
 */
export async function renderMermaid(text: string, dark: boolean): Promise<string> {
  const mermaid = await loadMermaid();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', suppressErrorRendering: true });
  await mermaid.parse(text);
  const id = `stackdraft-mermaid-${++counter}`;
  try {
    const { svg } = await mermaid.render(id, text);
    return asXml(svg);
  } finally {
    // mermaid leaves its scratch element behind when rendering fails.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

/**
 * mermaid serialises its SVG as HTML (`<br>` in labels), which an image refuses. Parsed in
 * an inert document (nothing there loads or runs) and written back as XML, it decodes.
 */
function asXml(svg: string): string {
  const element = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
  if (!element) throw new Error('mermaid returned no SVG');
  return new XMLSerializer().serializeToString(element);
}
