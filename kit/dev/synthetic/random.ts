/**
 * Deterministic pseudo-random streams for synthetic data. Every stream is named (seed, topic, index),
 * so each agency derives the same person's records whatever order or process it runs in.
 */
export class Random {
  private state: number;

  constructor(...parts: (string | number)[]) {
    this.state = hash(parts.join('|'));
  }

  /** mulberry32: small, fast, good enough for test data (not for anything secret). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: [[value, weight], ...]; weights need not sum to 1. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of table) {
      if ((r -= w) < 0) return value;
    }
    return table[table.length - 1][0];
  }
}

function hash(text: string): number {
  // FNV-1a, 32-bit
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
