import { execFileSync } from 'node:child_process';
import { PUBLIC_SCHEMA } from './paths.ts';

export interface SchemaVersion {
  /** Where it comes from: `commit 1a2b3c4 (subject)`, `the working tree`, … */
  source: string;
  sdl: string;
}

export interface VersionPair {
  before: SchemaVersion;
  after: SchemaVersion;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function tryGit(root: string, args: string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

const nonEmptyLines = (text: string | undefined) => (text ?? '').split('\n').filter(Boolean);

/** The version of `path` as of `rev`: from the latest commit reachable from it that touched the file and has it. */
function versionAt(root: string, rev: string, path: string): SchemaVersion | undefined {
  for (const commit of nonEmptyLines(git(root, ['rev-list', rev, '--', path]))) {
    const sdl = tryGit(root, ['show', `${commit}:${path}`]);
    if (sdl !== undefined) return { source: `commit ${git(root, ['log', '-1', '--format=%h (%s)', commit]).trim()}`, sdl };
  }
  return undefined;
}

export interface History {
  /** Each commit that changed `path`, paired with the version before it. */
  pairs: VersionPair[];
  /** The version at HEAD, if any. */
  head?: SchemaVersion;
  /** Why the history cannot be read in full, if it cannot. */
  problem?: string;
}

/**
 * Every change ever committed to `path` in the history of HEAD: each commit that touched it (merges too),
 * against the version on its first parent (or, past a deletion, the latest before). Needs the full history.
 */
export function historyOf(root: string, path: string = PUBLIC_SCHEMA): History {
  if (tryGit(root, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') {
    return { pairs: [], problem: `${root} is not a git work tree: breaking changes are found in the history of ${path}.` };
  }
  if (tryGit(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
    return { pairs: [], problem: `this clone is shallow, so earlier versions of ${path} are missing: run \`git fetch --unshallow\`.` };
  }
  if (tryGit(root, ['rev-parse', '--verify', '-q', 'HEAD']) === undefined) return { pairs: [] };
  const pairs: VersionPair[] = [];
  let head: SchemaVersion | undefined;
  for (const entry of nonEmptyLines(git(root, ['log', '--reverse', '--format=%H %h (%s)', 'HEAD', '--', path]))) {
    const [commit, label] = [entry.slice(0, entry.indexOf(' ')), `commit ${entry.slice(entry.indexOf(' ') + 1)}`];
    const sdl = tryGit(root, ['show', `${commit}:${path}`]);
    if (sdl === undefined) continue; // deleted in this commit: the next version is compared with the one before
    head = { source: label, sdl };
    if (tryGit(root, ['rev-parse', '--verify', '-q', `${commit}^1`]) === undefined) continue; // the first commit
    const parent = tryGit(root, ['show', `${commit}^1:${path}`]);
    const before = parent === undefined ? versionAt(root, `${commit}^1`, path) : { source: `${label}'s parent`, sdl: parent };
    if (before) pairs.push({ before, after: { source: label, sdl } });
  }
  return { pairs, head };
}
