// First-load JavaScript of an App Router page, from the production build (`npx next build` first), gzipped as a
// browser receives it: the runtime every page loads (`build-manifest.json` rootMainFiles) plus every chunk the
// page's client reference manifest lists for its segments (root layout, error and not-found boundaries, the
// portal layout, the page). Polyfills are left out (nomodule: modern browsers skip them). Fails over the budget.
//   npm run measure:first-load [-- <route> [<budget kB>]]   default: the usage dashboard, 150 kB
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const route = process.argv[2] ?? '/orgs/[orgId]/usage/page';
const budgetKb = Number(process.argv[3] ?? 150);
const next = join(process.cwd(), '.next');

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function readClientManifest(): ClientManifest {
  const file = join(next, 'server/app', `${route}_client-reference-manifest.js`);
  const source = readFileSync(file, 'utf8');
  const holder = { __RSC_MANIFEST: {} as Record<string, ClientManifest> };
  // The manifest is a script assigning to globalThis.__RSC_MANIFEST; run it against a holder object.
  new Function('globalThis', source)(holder);
  const manifest = holder.__RSC_MANIFEST[route];
  if (!manifest) throw new Error(`no client reference manifest for ${route} in ${file}`);
  return manifest;
}

const build = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
const chunks = new Set<string>(build.rootMainFiles);
for (const files of Object.values(readClientManifest().entryJSFiles ?? {})) for (const file of files) chunks.add(file);

let raw = 0;
let gzip = 0;
for (const chunk of chunks) {
  const bytes = readFileSync(join(next, chunk.replace(/^\/?_next\//, '')));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`${route}: ${chunks.size} chunks, ${kb(raw)} kB raw, ${kb(gzip)} kB gzip (budget ${budgetKb} kB gzip)`);
if (gzip > budgetKb * 1024) {
  console.error(`over budget by ${kb(gzip - budgetKb * 1024)} kB`);
  process.exit(1);
}
