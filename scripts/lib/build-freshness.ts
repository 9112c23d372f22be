// Whether .next holds a production build of the current sources: a fingerprint of every file the build reads
// (path, size, mtime) is stored beside the build and compared on the next `npm run demo`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The emulator is not part of the Next build (it runs from source), so its files are not listed.
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'messages', 'public'];
const SOURCE_FILES = [
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'tailwind.config.ts',
  'postcss.config.mjs',
  'postcss.config.js',
  'tsconfig.json',
  'proxy.ts',
  'middleware.ts',
  'instrumentation.ts',
];
const SKIP = new Set(['node_modules', '.next', '.data', 'migrations']);
const FINGERPRINT_FILE = '.next/seikyu-sources.sha256';

export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (SKIP.has(entry) || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
        visit(join(path, entry));
      }
      return;
    }
    hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const dir of SOURCE_DIRS) visit(join(root, dir));
  for (const file of SOURCE_FILES) visit(join(root, file));
  return hash.digest('hex');
}

export function isBuildFresh(root: string): boolean {
  const file = join(root, FINGERPRINT_FILE);
  if (!existsSync(join(root, '.next/BUILD_ID')) || !existsSync(file)) return false;
  return readFileSync(file, 'utf8').trim() === sourceFingerprint(root);
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}
