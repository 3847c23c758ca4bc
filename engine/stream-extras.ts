/**
 * Per-stream state beyond entries and groups (8.6 IDMP settings and producer maps), kept in one place so the
 * snapshot code stays stable while features grow.
 */
import type { Stream } from './stream.ts';

/** Plain-data form of a stream's extra state. */
export type StreamExtrasSnap = Record<string, never>;

export function snapshotStreamExtras(_s: Stream): StreamExtrasSnap {
  return {};
}

export function restoreStreamExtras(_s: Stream, _snap: StreamExtrasSnap): void {}
