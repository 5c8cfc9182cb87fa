/** An SVG as an image URL (the page's CSP allows data: images, not blob:). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
