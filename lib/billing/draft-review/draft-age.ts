// How long a held draft has waited, in whole days (0 on its first day).
const DAY_MS = 24 * 60 * 60 * 1000;

export function draftAgeDays(created: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - created.getTime()) / DAY_MS));
}
