// Values the integration global setup hands to test workers (vitest `provide` / `inject`).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of this run's database (embedded PGlite or throwaway PostgreSQL). */
    databaseUrl: string;
    /** `pglite` or `postgres`. */
    databaseKind: 'pglite' | 'postgres';
    /** http:// URL of the in-process Stripe emulator, or '' when the emulator package could not be loaded. */
    stripeEmulatorUrl: string;
    /** Why the emulator is missing, when it is. */
    stripeEmulatorError: string;
  }
}
