/** Small hand-built ViewStates for the diagram's unit tests (plain data, as the worker sends them). */
import type { ConsumerView, GroupView, StreamView, TokenView, ViewState } from '../../engine/view.ts';

export const T0 = 1_700_000_000_000;

export const tokenV = (id: string, count = 1, ghost = false): TokenView => ({ id, count, deliveryTime: T0, ghost });

export const consumerV = (name: string, tokens: TokenView[] = []): ConsumerView => ({
  name,
  seenTime: T0,
  activeTime: T0,
  pending: tokens.length,
  tokens,
  more: 0,
});

export const groupV = (name: string, lastId: string, consumers: ConsumerView[] = [], unowned: TokenView[] = []): GroupView => ({
  name,
  lastId,
  entriesRead: null,
  lag: null,
  pending: consumers.reduce((n, c) => n + c.pending, 0) + unowned.length,
  cursorAfter: -1,
  consumers,
  unowned,
  unownedMore: 0,
});

export const streamV = (key: string, ids: string[], groups: GroupView[] = []): StreamView => ({
  db: 0,
  key,
  length: ids.length,
  lastId: ids[ids.length - 1] ?? '0-0',
  firstId: ids[0] ?? '0-0',
  lastEntryId: ids[ids.length - 1] ?? null,
  maxDeletedId: '0-0',
  entriesAdded: ids.length,
  nodeCount: 1,
  nodes: [],
  items: ids.map((id) => ({ kind: 'entry', id, node: 0, deleted: false, fields: ['f', 'v'], truncated: false })),
  groups,
});

export const viewV = (streams: StreamView[], extra: Partial<ViewState> = {}): ViewState => ({
  now: T0,
  streams,
  moreStreams: 0,
  blocked: [],
  ...extra,
});
