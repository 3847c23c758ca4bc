import { expect, test } from '@playwright/test';
import { expectText, idle, openApp, run, selectConsole, text } from './helpers.ts';

test('the consoles are a keyboard-operable tablist, and Esc then Tab leaves a console', async ({ page }) => {
  await openApp(page);
  const producer = page.getByRole('tab', { name: 'producer' });
  await producer.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'alice' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'alice' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'bob' })).toBeFocused();
  await expect(page.getByRole('tabpanel')).toHaveCount(1);

  // Into bob's console with Tab, type, then out again with Esc, Tab.
  await page.getByRole('tab', { name: 'bob' }).click();
  await run(page, 'ECHO hi');
  await expectText(page, 'bob', '> ECHO hi\n"hi"');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.xterm-helper-textarea:focus')).toHaveCount(0);
});

test('a real clock times out a blocked read by itself', async ({ page }) => {
  await openApp(page, '?clock=real');
  await run(page, 'XREAD BLOCK 300 STREAMS nothing $');
  // redis-cli adds the wait, as "(0.56s)", when it reached half a second: on a loaded machine the 300 ms can.
  await expect
    .poll(() => text(page, 'producer'), { timeout: 10_000 })
    .toMatch(/> XREAD BLOCK 300 STREAMS nothing \$\n\(nil\)\n(\(\d+\.\d\ds\)\n)?127\.0\.0\.1:6379> $/);
});

test('on a real clock, idle times, the BLOCK countdown and the header clock count on between commands', async ({ page }) => {
  await openApp(page, '?clock=real');
  await page.locator('[aria-label="Console producer"]').click();
  for (const line of ['XADD s * f v', 'XGROUP CREATE s g 0', 'XREADGROUP GROUP g alice STREAMS s >']) {
    await run(page, line);
    await idle(page, 'producer');
  }
  await selectConsole(page, 'bob');
  await page.locator('[aria-label="Console bob"]').click();
  await run(page, 'XREAD BLOCK 20000 STREAMS s $');
  const waiting = page.getByRole('list', { name: 'Clients waiting on this stream' });
  await expect(waiting).toContainText('s left');
  const secondsLeft = async () => Number(/([\d.]+) s left/.exec((await waiting.textContent()) ?? '')?.[1]);
  const lane = page.locator('[data-consumer="alice"] .meta');
  const clock = page.getByTestId('clock-now');
  const [left0, lane0, clock0] = [await secondsLeft(), await lane.textContent(), Number(await clock.textContent())];
  expect(left0).toBeGreaterThan(15);
  // No command runs from here on: what moves, moves with the clock.
  await expect.poll(secondsLeft, { timeout: 10_000 }).toBeLessThanOrEqual(left0 - 1);
  // Past 10 s idle times show whole seconds, so the lane can lag the countdown by up to a second.
  await expect.poll(() => lane.textContent(), { timeout: 10_000 }).not.toBe(lane0);
  await expect.poll(async () => Number(await clock.textContent()), { timeout: 10_000 }).toBeGreaterThan(clock0 + 1000);
});
