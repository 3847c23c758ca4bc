import { expect, test } from '@playwright/test';
import { SEED_CLOCK, expectText, idle, openApp, run } from './helpers.ts';

/** Screenshots for a person to look at (desktop and 360 px, light and dark), and the load → ready time. */
for (const { name, width, height, theme } of [
  { name: 'desktop-light', width: 1280, height: 720, theme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 720, theme: 'dark' },
  { name: 'mobile-360', width: 360, height: 740, theme: 'light' },
] as const) {
  test(`screenshot: ${name}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height });
    const t0 = Date.now();
    await openApp(page, SEED_CLOCK);
    const ready = await page.evaluate(() => window.__playground?.readyAt() ?? 0);
    console.log(`[${name}] page load → console ready: ${ready.toFixed(0)} ms after navigation start (${Date.now() - t0} ms wall)`);
    await run(page, 'XADD mystream * name Alice age 30');
    await idle(page, 'producer');
    await run(page, 'XGROUP CREATE mystream mygroup 0');
    await idle(page, 'producer');
    await run(page, 'XREADGROUP GROUP mygroup alice COUNT 1 STREAMS mystream >');
    await expectText(page, 'producer', 'XREADGROUP');
    await page.keyboard.type('XACK mystream mygroup ');
    await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
    // Usable at this width: nothing makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
