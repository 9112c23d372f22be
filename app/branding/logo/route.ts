// The company logo, public: emails show it from here (mail clients fetch images by URL), so it must be readable
// without a session. It is the same image printed on every invoice, nothing private. The `v` query names the
// content's version, so it may be cached for long; a request for an older version still gets the current logo.
import { getBrandingLogo } from '@/lib/branding/logo';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const logo = await getBrandingLogo();
  if (!logo) return new Response('No logo is set.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const versioned = new URL(request.url).searchParams.has('v');
  return new Response(new Uint8Array(logo.data), {
    headers: {
      'Content-Type': logo.contentType,
      'Content-Length': String(logo.data.length),
      'Cache-Control': versioned ? 'public, max-age=86400' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
