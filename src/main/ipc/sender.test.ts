import { describe, expect, it } from 'vitest';
import { isAllowedSender, isAppUrl } from './sender';

describe('isAppUrl', () => {
  it('accepts pages of the app:// renderer and nothing that only looks like it', () => {
    const app = 'app://stackdraft/index.html';
    expect(isAppUrl('app://stackdraft/index.html', app)).toBe(true);
    expect(isAppUrl('app://stackdraft/index.html#/tier/b', app)).toBe(true);
    expect(isAppUrl('app://stackdraft/assets/x.js', app)).toBe(true);
    expect(isAppUrl('app://evil/index.html', app)).toBe(false);
    expect(isAppUrl('app://stackdraft.evil.example/index.html', app)).toBe(false);
    expect(isAppUrl('app://user:pw@stackdraft/index.html', app)).toBe(false);
    expect(isAppUrl('https://stackdraft/index.html', app)).toBe(false);
    expect(isAppUrl('file:///index.html', app)).toBe(false);
  });

  it('accepts the dev server only on its own scheme, host and port', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/index.html?x=1', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
  });

  it('accepts only the index itself for file://', () => {
    const file = 'file:///opt/Stackdraft/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(`${file}#x`, file)).toBe(true);
    expect(isAppUrl('file:///home/me/Downloads/evil.html', file)).toBe(false);
  });

  it('refuses what is not a URL', () => {
    for (const url of [undefined, '', 'about:blank', 'not a url', 'data:text/html,hi', 'javascript:alert(1)']) {
      expect(isAppUrl(url, 'app://stackdraft/index.html')).toBe(false);
    }
    expect(isAppUrl('app://stackdraft/', 'garbage')).toBe(false);
  });
});

describe('isAllowedSender', () => {
  const app = 'app://stackdraft/index.html';
  it('allows the main frame of the app', () => {
    expect(isAllowedSender({ url: 'app://stackdraft/index.html', isMainFrame: true }, app)).toBe(true);
  });
  it('refuses a subframe, another page, or a frame that is gone', () => {
    expect(isAllowedSender({ url: 'app://stackdraft/index.html', isMainFrame: false }, app)).toBe(false);
    expect(isAllowedSender({ url: 'https://example.com/', isMainFrame: true }, app)).toBe(false);
    expect(isAllowedSender(null, app)).toBe(false);
    expect(isAllowedSender(undefined, app)).toBe(false);
  });
});
