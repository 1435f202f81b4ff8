/**
 * What Linux says about a process: resident memory and CPU time, read from /proc. A process that has
 * gone (restarted, crashed) reads as undefined rather than failing the run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcessStat {
  pid: number;
  ppid: number;
  /** The executable's name as the kernel keeps it (15 characters at most). */
  comm: string;
  /** User plus system CPU time, in milliseconds. */
  cpuMs: number;
  /** The same of its children that have exited and been waited for (PostgreSQL's ended backends). */
  reapedChildrenCpuMs: number;
}

export function readStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The name is in parentheses and may itself hold spaces or parentheses: the fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // After the name: state(3) ppid(4) ... utime(14) stime(15), numbered from 1 as in proc(5).
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  const childTicks = Number(fields[13]) + Number(fields[14]);
  return { pid, ppid, comm, cpuMs: (ticks * 1000) / TICKS_PER_SECOND, reapedChildrenCpuMs: (childTicks * 1000) / TICKS_PER_SECOND };
}

/** Resident set size in bytes (VmRSS), or undefined when the process is gone. */
export function readRss(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The anonymous part of resident memory (RssAnon: heaps, stacks, malloc), or undefined when gone. VmRSS also
 * counts the pages of the files a process maps, above all the Node binary's code (about 60 MB in a service),
 * which every Node process shares.
 */
export function readRssAnon(pid: number): number | undefined {
  try {
    const match = /^RssAnon:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Proportional set size in bytes (Pss, /proc/<pid>/smaps_rollup): shared pages divided among the processes
 * sharing them. Summed over PostgreSQL's processes it counts shared buffers once, where RSS counts them in
 * every backend. Falls back to RSS where smaps_rollup is unreadable.
 */
export function readPss(pid: number): number | undefined {
  try {
    const match = /^Pss:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // gone, or not readable
  }
  return readRss(pid);
}

export function readCmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** Every process whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (readStat(Number(entry))?.ppid === pid) found.push(Number(entry));
  }
  return found;
}

/** A process and all its descendants. */
export function treeOf(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/** CPU time per process, now: take one before and one after, and `cpuDelta` them. */
export function cpuSnapshot(pids: readonly number[], options: { withReaped?: readonly number[] } = {}): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) snapshot.set(pid, stat.cpuMs + (options.withReaped?.includes(pid) ? stat.reapedChildrenCpuMs : 0));
  }
  return snapshot;
}

/**
 * The same for snapshots taken `withReaped`: a process that ended in between has its whole life's CPU in
 * its parent's reaped time, so what it had spent before the first snapshot is taken off. PostgreSQL's
 * pools close idle connections a while after a load ends: counted whole, the backends of one round's
 * ×50 load landed in the next round (the baselines' PostgreSQL showed 63-77% of the CPU).
 */
export function cpuDeltaWithReaped(before: Map<number, number>, after: Map<number, number>): number {
  let total = cpuDelta(before, after);
  for (const [pid, ms] of before) if (!after.has(pid)) total -= ms;
  return total;
}

/** CPU milliseconds spent between two snapshots (by `only` these pids); a process born in between counts from zero. */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>, only?: readonly number[]): number {
  let total = 0;
  for (const [pid, ms] of after) if (!only || only.includes(pid)) total += ms - (before.get(pid) ?? 0);
  return total;
}

export function rssOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (readRss(pid) ?? 0), 0);
}
