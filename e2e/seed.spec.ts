import { expect, test } from '@playwright/test';
import { SEED_CLOCK, idle, openApp, run, text } from './helpers.ts';

/**
 * The seed page's XACK transcript, typed into a console on a virtual clock at 1609097574170 (1 ms per command).
 * The page claims the XREADGROUP delivers Alice's entry; on a real Redis it does not — the group is created at `$`
 * after that entry — so the read prints (nil) and every XACK prints (integer) 0. Checked against redis-server 7.0.15.
 */
test('the seed transcript prints what redis-cli prints against a real Redis', async ({ page }) => {
  await openApp(page, SEED_CLOCK);
  const lines = [
    'XADD mystream * name Alice age 30',
    'XGROUP CREATE mystream mygroup $ MKSTREAM',
    'XREADGROUP GROUP mygroup Alice COUNT 1 STREAMS mystream >',
    'XACK mystream mygroup 1609097574170-0',
    'XADD mystream * name Bob age 25',
    'XADD mystream * name Charlie age 40',
    'XACK mystream mygroup 1609097574174-0 1609097574175-0',
    'XACK mystream mygroup 1609097574173-0',
  ];
  for (const line of lines) {
    await run(page, line);
    await idle(page, 'producer');
  }
  const p = '127.0.0.1:6379> ';
  expect(await text(page, 'producer')).toBe(
    [
      `${p}${lines[0]}`,
      '"1609097574170-0"',
      `${p}${lines[1]}`,
      'OK',
      `${p}${lines[2]}`,
      '(nil)',
      `${p}${lines[3]}`,
      '(integer) 0',
      `${p}${lines[4]}`,
      '"1609097574174-0"',
      `${p}${lines[5]}`,
      '"1609097574175-0"',
      `${p}${lines[6]}`,
      '(integer) 0',
      `${p}${lines[7]}`,
      '(integer) 0',
      p,
    ].join('\n'),
  );
});
