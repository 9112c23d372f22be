// CPU time spent by processes, read from /proc (Linux): what a page view costs the app and the database,
// independent of what else the machine does while the load runs. Throughput on a shared 2-core machine moves
// with the load generator and everything else; CPU milliseconds per view barely do.
import { readdirSync, readFileSync } from 'node:fs';

type ProcStat = { pid: number; ppid: number; comm: string; cpuTicks: number };

/** Clock ticks per second of /proc/<pid>/stat's utime and stime: 100 on Linux (USER_HZ). */
const TICKS_PER_SECOND = 100;

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after its last ')'.
      const close = text.lastIndexOf(')');
      const comm = text.slice(text.indexOf('(') + 1, close);
      const fields = text.slice(close + 2).split(' ');
      // After comm: state(0) ppid(1) … utime(11) stime(12).
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), comm, cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return stats;
}

/** CPU milliseconds used so far by a process and all its descendants (threads included, ended children not). */
export function cpuMsOfTree(rootPid: number): number {
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const pending = stats.filter((s) => s.pid === rootPid);
  while (pending.length > 0) {
    const stat = pending.pop()!;
    ticks += stat.cpuTicks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds used so far by every process named `comm` (e.g. all of a PostgreSQL cluster's backends). */
export function cpuMsOfCommand(comm: string): number {
  return (readStats().filter((s) => s.comm === comm).reduce((n, s) => n + s.cpuTicks, 0) * 1000) / TICKS_PER_SECOND;
}
