// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time per function, and per
// package (node_modules/<name>, node: internals, or the app's own code), so a bench run names its hot spots.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.replace(/\\/g, '/'));
  if (match) return match[1]!;
  if (url.includes('/.next/server/')) return 'app (.next/server bundles)';
  return 'other';
}

/** Lines "share %  ms  name" for the `limit` heaviest functions and the packages, by self time. */
export function summarizeCpuProfile(file: string, limit: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/\.next\//, '.next/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + ms);
    const pkg = frame.functionName === '(garbage collector)' ? 'garbage collector' : packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  const busy = [...packages.values()].reduce((a, b) => a + b, 0);
  const fmt = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms`;
  const lines = [`busy ${(busy / 1000).toFixed(1)} s of ${(total / 1000).toFixed(1)} s profiled; by package:`];
  for (const [name, ms] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`${fmt(ms)}  ${name}`);
  lines.push('by function:');
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, limit)) lines.push(`${fmt(ms)}  ${name}`);
  lines.push(...appFunctions(profile, selfMs, byId, limit, fmt));
  return lines;
}

/**
 * The app's own functions (the server bundles, without the chunks of node_modules) by inclusive time: what a
 * page's code costs with everything it calls. Their names are the source's only in a build made with
 * `npx next build --no-mangling`; a normal build shortens them, and the list says so.
 */
function appFunctions(
  profile: CpuProfile,
  selfMs: Map<number, number>,
  byId: Map<number, ProfileNode>,
  limit: number,
  fmt: (ms: number) => string,
): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isApp = (frame: ProfileNode['callFrame']) =>
    frame.url.includes('/.next/server/') && !frame.url.includes('node_modules_') && !frame.url.includes('[turbopack]') && frame.functionName.length >= 3;
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    // Each function once per sample, however often it recurs on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!isApp(frame)) continue;
      const key = `${frame.functionName} ${frame.url.replace(/^file:\/\/.*\/\.next\//, '.next/')}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const lines = ['app functions, with what they call (inclusive):'];
  for (const [name, ms] of top) lines.push(`${fmt(ms)}  ${name}`);
  if (top.length < limit / 2) lines.push('(few named: build with `npx next build --no-mangling` to see the source names)');
  return lines;
}

/** Prints the summary of the one profile a stopped app wrote into `dir` (`--cpu-prof-dir`), or says there is none. */
export function printCpuProfile(dir: string, limit = 20): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    console.log('[bench] the app wrote no CPU profile');
    return;
  }
  console.log(`\nCPU profile of the app (${join(dir, file)}), top by self time:`);
  for (const line of summarizeCpuProfile(join(dir, file), limit)) console.log(`  ${line}`);
}
