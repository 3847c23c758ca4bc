/** MULTI / EXEC / DISCARD / WATCH / UNWATCH. EXEC itself runs inside the engine (it needs dispatch). */
import { E } from '../errors.ts';
import { OK, error } from '../reply.ts';
import type { TableEntry } from '../table.ts';

export const multiCommands: readonly TableEntry[] = [
  {
    name: 'multi',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    /** MULTI — start a transaction. */
    handler: (ctx) => {
      if (ctx.client.multi) return error(E.multiNested);
      ctx.client.multi = [];
      ctx.client.multiError = false;
      return OK;
    },
  },
  {
    name: 'exec',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
    /** EXEC — handled by Engine.execTop before dispatch; reaching here means no MULTI. */
    handler: () => error(E.execWithoutMulti),
  },
  {
    name: 'discard',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    /** DISCARD — drop the queued commands and the watches. */
    handler: (ctx) => {
      if (!ctx.client.multi) return error(E.discardWithoutMulti);
      ctx.client.multi = null;
      ctx.client.multiError = false;
      ctx.engine.unwatchAll(ctx.client);
      return OK;
    },
  },
  {
    name: 'watch',
    arity: -2,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    keys: { first: 1, last: -1, step: 1 },
    /** WATCH key [key ...] — make the next EXEC fail if any of these keys changes. */
    handler: (ctx, argv) => {
      if (ctx.client.multi) return error(E.watchInsideMulti);
      for (let i = 1; i < argv.length; i++) {
        ctx.lookup(argv[i]); // an already-expired key counts as deleted before the watch starts
        ctx.engine.watch(ctx.client, ctx.db.index, argv[i]);
      }
      return OK;
    },
  },
  {
    name: 'unwatch',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    /** UNWATCH — forget all watched keys. */
    handler: (ctx) => {
      ctx.engine.unwatchAll(ctx.client);
      return OK;
    },
  },
];
