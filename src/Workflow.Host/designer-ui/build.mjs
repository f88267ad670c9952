// Bundles the designer (src/index.js and its CSS) into ../wwwroot/designer/designer.js and designer.css.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [path.join(here, 'src', 'index.js')],
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  legalComments: 'linked',
  charset: 'utf8',
  outfile: path.join(here, '..', 'wwwroot', 'designer', 'designer.js'),
  logLevel: 'warning',
});
