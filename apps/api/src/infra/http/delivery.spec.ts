import { describe, expect, it } from 'vitest';
import { cacheControlFor, HELMET_OPTIONS } from './delivery';

describe('delivery', () => {
  it('caches hashed build files for a year and revalidates everything else', () => {
    expect(cacheControlFor('/srv/web/main-UGBHGQJP.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('chunk-U35HP4GU.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('styles-TTMMAQMR.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/web/index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.ico')).toBe('no-cache');
    expect(cacheControlFor('3rdpartylicenses.txt')).toBe('no-cache');
  });

  it('allows scripts only from the own origin and forbids framing', () => {
    const csp = HELMET_OPTIONS.contentSecurityPolicy.directives;
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });
});
