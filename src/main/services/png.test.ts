import { describe, expect, it } from 'vitest';
import { toSvg } from '../../shared/export/svg';
import { sampleTopology } from '../../shared/view/testing';
import { svgToPng } from './png';

describe('svgToPng', () => {
  it('renders the exported canvas at twice its size, with the plane colours and the text drawn', () => {
    const { svg, width, height } = toSvg(sampleTopology(), 'small');
    const image = svgToPng(svg);
    expect(image.png.subarray(1, 4).toString()).toBe('PNG');
    expect([image.width, image.height]).toEqual([width * 2, height * 2]);
    // Background in a corner, and the text: darker pixels than any box or card colour.
    const at = (x: number, y: number) => [...image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
    expect(at(2, 2)).toEqual([0xee, 0xf1, 0xf5]);
    let dark = 0;
    for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i]! < 80 && image.pixels[i + 1]! < 80) dark++;
    expect(dark).toBeGreaterThan(500);
    const withoutText = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    let darkWithout = 0;
    for (let i = 0; i < withoutText.pixels.length; i += 4) if (withoutText.pixels[i]! < 80 && withoutText.pixels[i + 1]! < 80) darkWithout++;
    expect(darkWithout).toBeLessThan(dark / 10);
  });
});
