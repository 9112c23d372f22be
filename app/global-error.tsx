'use client';
// Last-resort error page when the root layout itself fails (no translations available here).
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1rem', textAlign: 'center', color: '#0f172a' }}>
        <h1>Something went wrong</h1>
        <p>Try again in a moment. / しばらくしてからもう一度お試しください。</p>
        <button type="button" onClick={reset} style={{ marginTop: '1rem', padding: '0.5rem 1rem' }}>
          Try again
        </button>
      </body>
    </html>
  );
}
