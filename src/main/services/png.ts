import { Resvg } from '@resvg/resvg-js';

export interface PngOptions {
  /** Pixels per SVG unit: 2 for sharp images on high-density screens and in documents. */
  scale?: number;
}

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row by row: for checks without decoding the PNG. */
  pixels: Buffer;
}

/**
 * Rasterises an exported SVG with resvg (no browser, no network: external references are
 * not fetched). Text uses the system fonts, falling back to DejaVu Sans, which Linux
 * machines and CI images have.
 */
export function svgToPng(svg: string, options: PngOptions = {}): RenderedPng {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
