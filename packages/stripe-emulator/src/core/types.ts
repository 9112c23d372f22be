// Compile-time helpers for serialisers.

/**
 * Every key of T must be present (optional ones included), except those in `Absent`, which must not be.
 * Serialisers build their object as `satisfies Full<Stripe.X, 'expandable_only_field'>` so that the compiler
 * checks both the field types (against the SDK) and that no field the SDK knows was forgotten.
 */
export type Full<T, Absent extends keyof T = never> = { [K in Exclude<keyof T, Absent>]-?: T[K] };

/** JSON-compatible value (what the store persists). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
