// Calling a server action over HTTP as the browser does (POST with `Next-Action`), for the checks that run
// against a production build without a browser. The id comes from the build's server reference manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './processes';

/** The id Next.js gave an exported server action in the build in `.next`. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`${exportedName} is not in .next/server/server-reference-manifest.json: rebuild`);
  return id;
}

/** Posts one argument to the action from `pageUrl` (same origin) and returns the status and the RSC answer's text. */
export async function callServerAction(
  pageUrl: string,
  actionId: string,
  input: unknown,
  options: { cookie: string; locale?: string; timeoutMs?: number },
): Promise<{ status: number; body: string }> {
  const response = await fetch(pageUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: new URL(pageUrl).origin,
      'Accept-Language': options.locale ?? 'en',
      cookie: options.cookie,
    },
    body: JSON.stringify([input]),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  return { status: response.status, body: await response.text() };
}
