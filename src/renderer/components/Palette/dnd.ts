import type { PaletteItem } from '../../store';

/** The drag data type of palette items: other drags (files, text) are not drops into the canvas. */
export const PALETTE_MIME = 'application/x-stackdraft-palette';

export function writePaletteItem(data: DataTransfer, item: PaletteItem): void {
  data.setData(PALETTE_MIME, JSON.stringify(item));
  data.effectAllowed = 'copy';
}

export function readPaletteItem(data: DataTransfer): PaletteItem | undefined {
  try {
    const item = JSON.parse(data.getData(PALETTE_MIME)) as PaletteItem;
    if (item.kind === 'service' && typeof item.templateId === 'string') return item;
    if (item.kind === 'host' && typeof item.flavorId === 'string') return item;
    if (item.kind === 'plane') return item;
  } catch {
    // Not ours.
  }
  return undefined;
}
