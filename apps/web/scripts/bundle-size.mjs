// Measures the initial JavaScript of the production build: raw, gzip and brotli sizes.
// Initial = the scripts index.html loads plus the chunks it modulepreloads (what Angular's "initial" budget counts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/apps/web/browser';
const indexPath = join(dir, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`${indexPath} is missing: run "npx nx build web" first.`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]);

let raw = 0;
let gzip = 0;
let brotli = 0;
for (const f of files) {
  const buf = readFileSync(join(dir, f));
  raw += buf.length;
  gzip += gzipSync(buf, { level: 9 }).length;
  brotli += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const limit = 500_000;
console.log(`initial JS files: ${files.size}`);
console.log(`raw ${kb(raw)} | gzip ${kb(gzip)} | brotli ${kb(brotli)} (limit ${kb(limit)} compressed)`);
if (gzip > limit) {
  console.error('initial JavaScript over the 500 kB compressed limit');
  process.exit(1);
}
