/**
 * Consumer groups, consumers and pending entries, as in stream.h. A pending entry (streamNACK) is ONE object shared
 * by the group's PEL and its owner's PEL; it carries its own ID so PELs can be keyed by it.
 */
import { MIN_ID, type StreamId, type U64 } from './ids.ts';
import { IdMap } from './idmap.ts';

/** SCG_INVALID_ENTRIES_READ: the group's read counter is unknown. */
export const ENTRIES_READ_INVALID = -1;

export class PendingEntry implements StreamId {
  constructor(
    readonly ms: U64,
    readonly seq: U64,
    /** The owner, or null for an unowned (XNACKed, 8.8+) entry; then it is in no consumer PEL. */
    public consumer: Consumer | null,
    /** Unix ms of the last delivery (0 for NACKed entries). */
    public deliveryTime: number,
    /** Times delivered; XNACK FATAL can set it to LLONG_MAX (kept as a bigint then). */
    public deliveryCount: number | bigint,
  ) {}
}

export class Consumer {
  /** The consumer's own PEL: exactly the group-PEL entries whose `consumer` is this one. */
  readonly pel = new IdMap<PendingEntry>();
  /** Last attempted interaction (XREADGROUP of any kind, XCLAIM, XAUTOCLAIM), Unix ms. */
  seenTime: number;
  /** Last successful interaction (new entries delivered or claimed), Unix ms; -1 = never. */
  activeTime = -1;

  constructor(
    readonly name: string,
    now: number,
  ) {
    this.seenTime = now;
  }
}

export class ConsumerGroup {
  /** last_id: the last entry delivered to the group via `>` (or set by CREATE/SETID/XCLAIM LASTID). */
  lastId: StreamId;
  /** entries_read: logical read counter, or ENTRIES_READ_INVALID when unknown. */
  entriesRead: number;
  /** The group PEL: every pending entry, owned or not. */
  readonly pel = new IdMap<PendingEntry>();
  readonly consumers = new Map<string, Consumer>();
  /** Unowned (NACKed) entries in the order they were NACKed: the FIFO zone at the head of the time order. */
  nacked: PendingEntry[] = [];

  constructor(
    readonly name: string,
    lastId: StreamId = MIN_ID,
    entriesRead = ENTRIES_READ_INVALID,
  ) {
    this.lastId = lastId;
    this.entriesRead = entriesRead;
  }

  /** Consumers in rax (bytewise name) order. */
  sortedConsumers(): Consumer[] {
    return [...this.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Remove a pending entry from the group PEL and from its owner's PEL. */
  removePending(pe: PendingEntry): void {
    this.pel.delete(pe);
    this.dropFromOwner(pe);
  }

  /**
   * Remove the pending entry with ID `id` (group PEL and owner's) and return it; undefined when it is not pending.
   * XACK's path: one group-PEL search instead of a get and then a delete.
   */
  removePendingId(id: StreamId): PendingEntry | undefined {
    const pe = this.pel.delete(id);
    if (pe) this.dropFromOwner(pe);
    return pe;
  }

  private dropFromOwner(pe: PendingEntry): void {
    if (pe.consumer) pe.consumer.pel.delete(pe);
    else this.nacked = this.nacked.filter((n) => n !== pe);
  }

  memoryBytes(): number {
    return 200 + this.pel.size * 96 + this.consumers.size * 160;
  }
}
