/**
 * Anchors: stable names for the places the diagram draws (`data-anchor` attributes). Animations go from one anchor
 * to another, highlights and narration refer to them, and the e2e tests find them by name. A pending entry has ONE
 * anchor per group (it is one object in Redis too), whichever lane holds it.
 */

const k = (db: number, key: string) => `${db}:${key}`;

export const anchor = {
  /** The whole stream log. */
  stream: (db: number, key: string) => `stream:${k(db, key)}`,
  /** Where new entries arrive (the tail end). */
  inlet: (db: number, key: string) => `inlet:${k(db, key)}`,
  /** Where trimmed entries leave (the head end). */
  outlet: (db: number, key: string) => `outlet:${k(db, key)}`,
  entry: (db: number, key: string, id: string) => `entry:${k(db, key)}:${id}`,
  group: (db: number, key: string, group: string) => `group:${k(db, key)}:${group}`,
  cursor: (db: number, key: string, group: string) => `cursor:${k(db, key)}:${group}`,
  lane: (db: number, key: string, group: string, consumer: string) => `lane:${k(db, key)}:${group}:${consumer}`,
  /** The group's zone of unowned (NACKed) entries. */
  unowned: (db: number, key: string, group: string) => `unowned:${k(db, key)}:${group}`,
  /** The group's acknowledged area (the playground's history). */
  acked: (db: number, key: string, group: string) => `acked:${k(db, key)}:${group}`,
  token: (db: number, key: string, group: string, id: string) => `token:${k(db, key)}:${group}:${id}`,
  /** A plain XREAD reader's position marker. */
  reader: (client: number) => `reader:${client}`,
  blocked: (client: number) => `blocked:${client}`,
} as const;

/** The lane a pending entry sits in: its owner's, or the unowned zone. */
export function ownerAnchor(db: number, key: string, group: string, owner: string | null): string {
  return owner === null ? anchor.unowned(db, key, group) : anchor.lane(db, key, group, owner);
}

/** An immutable set of anchors (the diagram replaces highlight sets whole; it never mutates one). */
export function anchorSet(items: Iterable<string> = []): ReadonlySet<string> {
  return new Set(items);
}

/** Group names by the window item their cursor follows (-1: before every item). */
export function cursorsByItem(groups: readonly { name: string; cursorAfter: number }[]): ReadonlyMap<number, readonly string[]> {
  const m = new Map<number, string[]>();
  for (const g of groups) {
    const list = m.get(g.cursorAfter);
    if (list) list.push(g.name);
    else m.set(g.cursorAfter, [g.name]);
  }
  return m;
}
