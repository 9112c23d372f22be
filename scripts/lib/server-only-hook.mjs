// `node --import` hook for scripts that run server code outside Next (npm run worker): resolves `server-only`
// to its empty module, as Next does on the server (the package's default entry throws, by design, elsewhere).
import { register } from 'node:module';

const empty = new URL('../../node_modules/server-only/empty.js', import.meta.url).href;
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) { return specifier === 'server-only' ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context); }`,
    ),
  import.meta.url,
);
