import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, mimeTypeOf, resolveAppAsset } from './app-assets';

describe('resolveAppAsset', () => {
  const root = '/opt/stackdraft/out/renderer';
  it('maps app://stackdraft/ paths into the renderer folder', () => {
    expect(resolveAppAsset(root, APP_INDEX_URL)).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://stackdraft/')).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://stackdraft/assets/index-abc.js?v=1#x')).toBe(`${root}/assets/index-abc.js`);
  });
  it('refuses other hosts, schemes, NUL bytes, backslashes and bad encodings', () => {
    for (const url of [
      'app://other/index.html',
      'https://stackdraft/index.html',
      'app://stackdraft/a%00.js',
      'app://stackdraft/%E0%A4%A',
      'app://stackdraft/..%5C..%5Csecret',
      'not a url',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });

  it('never resolves outside the renderer folder, however the path is spelled', () => {
    for (const url of [
      'app://stackdraft/../../../etc/passwd',
      'app://stackdraft/%2e%2e/%2e%2e/etc/passwd',
      'app://stackdraft/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
      'app://stackdraft/assets/..%2f..%2f..%2f..%2fsecret',
      'app://stackdraft//etc/passwd',
    ]) {
      const file = resolveAppAsset(root, url);
      expect(file === null || file.startsWith(`${root}/`), `${url} -> ${file}`).toBe(true);
    }
  });
});

describe('mimeTypeOf', () => {
  it('names the types the renderer build produces', () => {
    expect(mimeTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('/x/a.unknown')).toBe('application/octet-stream');
  });
});
