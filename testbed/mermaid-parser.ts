/**
 * Mermaid's own parser, in Node: it needs a DOM (DOMPurify hooks), so a jsdom window is
 * installed as the global window/document before mermaid is first imported. Used by tests
 * and the export benchmark to ask the real tool whether it accepts a diagram.
 */
interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  parse(text: string, options?: { suppressErrors?: boolean }): Promise<unknown>;
}

let loaded: Promise<Mermaid> | undefined;

export function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    // A variable specifier: jsdom ships no types, and only this file needs it.
    const jsdomModule = 'jsdom';
    const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string) => { window: { document: unknown } } };
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window, document: window.document });
    const mermaid = (await import('mermaid')).default as unknown as Mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  })();
  return loaded;
}

/** Resolves when mermaid accepts the text; otherwise returns mermaid's own message. */
export async function mermaidVerdict(text: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
