/**
 * KEEPREF / DELREF / ACKED (8.2): deleting entries while consumer groups may still reference them.
 * Owned by the stream-write work; XDELEX and XACKDEL both use `deleteWithPolicy`.
 */
export {};
