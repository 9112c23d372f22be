// `npm run demo` rebuilds exactly when the sources changed since the recorded build.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildFresh, recordBuild, sourceFingerprint } from './build-freshness';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'seikyu-build-freshness-'));
  mkdirSync(join(root, 'app'), { recursive: true });
  writeFileSync(join(root, 'app/page.tsx'), 'export default function Page() { return null; }\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(): void {
  mkdirSync(join(root, '.next'), { recursive: true });
  writeFileSync(join(root, '.next/BUILD_ID'), 'test\n');
  recordBuild(root, sourceFingerprint(root));
}

describe('isBuildFresh', () => {
  it('is false without a build, true right after one', () => {
    expect(isBuildFresh(root)).toBe(false);
    build();
    expect(isBuildFresh(root)).toBe(true);
  });

  it('turns false when a source file is edited, added or removed', () => {
    build();
    writeFileSync(join(root, 'app/page.tsx'), 'export default function Page() { return "changed"; }\n');
    expect(isBuildFresh(root)).toBe(false);

    build();
    writeFileSync(join(root, 'app/other.tsx'), 'export {};\n');
    expect(isBuildFresh(root)).toBe(false);

    build();
    rmSync(join(root, 'app/other.tsx'));
    expect(isBuildFresh(root)).toBe(false);
  });

  it('ignores tests and the build output itself', () => {
    build();
    writeFileSync(join(root, 'app/page.test.tsx'), 'export {};\n');
    writeFileSync(join(root, '.next/extra'), 'x');
    expect(isBuildFresh(root)).toBe(true);
  });

  it('notices a file touched without a size change', () => {
    build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'app/page.tsx'), later, later);
    expect(isBuildFresh(root)).toBe(false);
  });
});
