/** Renders resources/icons/icon.svg to the PNGs electron-builder packages (run after editing the SVG). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = join(import.meta.dirname, '../resources/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
for (const size of [1024, 512, 256]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(dir, size === 1024 ? 'icon.png' : `${size}x${size}.png`), png);
}
