// Where the generated JSON Schema lives: one file per stripe SDK version, so an upgrade never validates
// against a stale contract.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function stripeSdkVersion(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = join(dirname(require.resolve('stripe')), '..', 'package.json');
  const pkg: unknown = JSON.parse(readFileSync(pkgPath, 'utf8'));
  if (!pkg || typeof pkg !== 'object' || !('version' in pkg) || typeof pkg.version !== 'string') {
    throw new Error(`cannot read the stripe version from ${pkgPath}`);
  }
  return pkg.version;
}

export function schemaFilePath(version = stripeSdkVersion()): string {
  return join(here, 'schemas', `stripe-${version}.json`);
}
