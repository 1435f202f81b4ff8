/** A stock level that may serve online orders, with what it can still promise. */
export interface CandidateLevel {
  id: string;
  variantId: string;
  locationId: string;
  available: number;
}

export interface Take {
  line: number;
  levelId: string;
  quantity: number;
}

export interface Allocation {
  takes: Take[];
  /** Lines that cannot be covered, with what the variant has in all (over every candidate level). */
  shortages: { line: number; available: number }[];
}

/**
 * Which levels serve which line, and how many units each gives. A line is taken from the level with the
 * most available, and only when that one cannot cover it, topped up from the next largest: one location
 * when one suffices, else the fewest locations (largest first is the fewest). Ties go to the lower level
 * id, so the same stock always gives the same answer. All or nothing: any shortage means no takes.
 */
export function allocate(lines: readonly { line: number; variantId: string; quantity: number }[], levels: readonly CandidateLevel[]): Allocation {
  const byVariant = new Map<string, CandidateLevel[]>();
  for (const level of levels) {
    if (level.available <= 0) continue;
    const list = byVariant.get(level.variantId) ?? [];
    list.push(level);
    byVariant.set(level.variantId, list);
  }
  const takes: Take[] = [];
  const shortages: Allocation['shortages'] = [];
  for (const { line, variantId, quantity } of lines) {
    const candidates = (byVariant.get(variantId) ?? []).sort((a, b) => b.available - a.available || (a.id < b.id ? -1 : 1));
    const available = candidates.reduce((sum, level) => sum + level.available, 0);
    if (available < quantity) {
      shortages.push({ line, available });
      continue;
    }
    let missing = quantity;
    for (const level of candidates) {
      if (missing === 0) break;
      const quantityHere = Math.min(level.available, missing);
      takes.push({ line, levelId: level.id, quantity: quantityHere });
      missing -= quantityHere;
    }
  }
  return shortages.length > 0 ? { takes: [], shortages } : { takes, shortages };
}
