// Bundles the API: main.js (HTTP server), worker.js (queue worker, when present) and cli.js
// (migrations, import, seed, bench). node_modules stay external, so builds are quick.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

const extraEntries = [
  { entryName: 'cli', entryPath: join(__dirname, 'src/cli/cli.ts') },
  { entryName: 'worker', entryPath: join(__dirname, 'src/worker.ts') },
  // The import extraction thread (apps/api/src/imports/extraction), started by the API per upload.
  {
    entryName: 'import-extraction.worker',
    entryPath: join(__dirname, 'src/imports/extraction/extraction.worker.ts'),
  },
].filter((entry) => existsSync(entry.entryPath));

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: extraEntries,
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
      // Types are checked by the typecheck target; the bundle only needs to transpile.
      skipTypeChecking: true,
    }),
  ],
};
