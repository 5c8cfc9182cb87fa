import type { z } from 'zod';
import type { exportContent } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { svgToPng } from './png';

/** Writes an export atomically: a crash never leaves half a map where a whole one was. */
export async function saveExport(path: string, content: z.output<typeof exportContent>): Promise<void> {
  const data = content.kind === 'text' ? content.text : svgToPng(content.svg, { scale: content.scale }).png;
  await writeFileAtomic(path, data, { backup: false });
}
