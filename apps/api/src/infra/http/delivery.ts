import { basename } from 'node:path';
import { constants as zlib } from 'node:zlib';

/**
 * How the API and the built web app are delivered: compression, caching and security headers.
 * Kept apart from create-app.ts so the options can be read (and tested) in one place.
 */

/** Angular's production build names chunks `name-HASH.js` (8+ base32 characters): their content never changes. */
const HASHED_FILE = /-[A-Z0-9]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpg|webp)$/;

/** Year-long, immutable caching for hashed files; index.html (and anything unhashed) is revalidated on every load. */
export function cacheControlFor(path: string): string {
  return HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * @fastify/compress options: brotli first, then gzip, for JSON and the web assets alike.
 * Brotli at quality 5 compresses nearly as well as 11 for JavaScript at a fraction of the CPU, which
 * matters because responses are compressed on the fly.
 */
export const COMPRESS_OPTIONS = {
  global: true,
  threshold: 1024,
  encodings: ['br', 'gzip'],
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
};

/**
 * @fastify/helmet options. The CSP allows scripts only from this origin (the Angular build emits no
 * inline script once `inlineCritical` is off); styles may be inline because Angular and Material insert
 * component styles as <style> elements at run time. Downloads use blob: URLs, charts draw on canvas.
 */
export const HELMET_OPTIONS = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  // Same-origin app: no cross-origin embedding needed, and evidence downloads go through fetch + blob.
  crossOriginEmbedderPolicy: false,
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'same-origin' as const },
};
