import { expect, test } from '@playwright/test';
import { expectText, idle, openApp, run } from './helpers.ts';

test('a big reply prints in chunks while the page stays responsive', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page, '?start=1700000000000&step=1');
  // redis-cli's repeat prefix: one line, 2000 commands, one engine round trip.
  await run(page, '2000 XADD big * field value');
  await idle(page, 'producer');
  await run(page, 'XLEN big');
  await expectText(page, 'producer', '> XLEN big\n(integer) 2000\n');

  const t0 = Date.now();
  await run(page, 'XRANGE big - +');
  // While it prints, the page answers: the tab list can still be used.
  await page.getByRole('tab', { name: 'alice' }).click();
  await expect(page.getByRole('tab', { name: 'alice' })).toHaveAttribute('aria-selected', 'true');
  await expectText(page, 'producer', '2000) 1) "1700000001999-0"\n      2) 1) "field"\n         2) "value"\n127.0.0.1:6379>');
  console.log(`XRANGE of 2000 entries printed in ${Date.now() - t0} ms`);
});
