// GET /health — the app's own minimal dynamic page: rendered per request through proxy.ts and the root layout
// (nonce, security headers, locale) like every page, but reads no data. The load balancer's health check
// (docs/deploying.md) and the ceiling `npm run bench:portal` measures every other page against.
export default function HealthPage() {
  return (
    <main id="main">
      <p data-testid="health">ok</p>
    </main>
  );
}
