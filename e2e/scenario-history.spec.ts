/**
 * What the diagram remembers that Redis does not (what each group acknowledged) and what the log says, after a
 * scenario load, a share link and moves on the timeline: both follow the timeline, not the order things were shown.
 */
import { expect, test, type Page } from '@playwright/test';
import { animations, clearAnimations } from './diagram-helpers.ts';
import { openScenarioApp, position, settled, typeIn } from './scenario-helpers.ts';

const ackedArea = (page: Page) => page.getByRole('group', { name: 'Acknowledged by group mygroup (playground history)' });
const logLines = (page: Page) => page.getByRole('region', { name: 'What happened' }).getByRole('listitem');

/** The acknowledged count and IDs drawn, e.g. "2: …574170-0 …574171-0". */
async function acked(page: Page): Promise<string> {
  const area = ackedArea(page);
  const count = /(\d+) · the playground/.exec((await area.textContent()) ?? '')?.[1] ?? '?';
  const ids = (await area.getByRole('listitem').allTextContents()).map((t) => t.replace('✓', '').trim());
  return `${count}: ${ids.join(' ')}`.trim();
}

async function click(page: Page, button: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await settled(page);
  }
}

test('a loaded scenario shows what its group acknowledged, and the log narrates its last steps', async ({ page, browser }) => {
  await openScenarioApp(page, '?scenario=xack-basics');
  await expect.poll(() => acked(page)).toBe('3: …574170-0 …574171-0 …574172-0');
  await expect(logLines(page).first()).toHaveText(/^Loaded “XACK basics”: 10 steps, the diagram shows the state after them\./);
  await expect(logLines(page).filter({ hasText: "XACK removed 1609097574170-0 from Alice's pending list" })).toHaveCount(1);
  // Narrated, not replayed: loading it again over the same stream, group and consumer flies nothing.
  await clearAnimations(page);
  await page.getByLabel('Open a built-in scenario').selectOption({ label: 'XACK basics' });
  await settled(page);
  await expect.poll(() => logLines(page).filter({ hasText: /^Loaded “XACK basics”/ }).count()).toBe(2);
  expect(await animations(page)).toEqual([]);

  // A share link opened elsewhere (a fresh browser context: no workspace) shows the same.
  const url = await page.evaluate(() => window.__scenario?.shareUrl() ?? '');
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await openScenarioApp(other, url.slice(url.indexOf('/', 8)));
  await expect.poll(() => acked(other)).toBe('3: …574170-0 …574171-0 …574172-0');
  await expect(logLines(other).first()).toHaveText(/^Loaded “XACK basics”/);
  await other.context().close();
});

test('moving on the timeline brings back the acknowledged history of that point, and says where it went', async ({ page }) => {
  await openScenarioApp(page, '?scenario=xack-basics');
  await expect.poll(() => acked(page)).toMatch(/^3:/);

  await click(page, 'Go to the start');
  await expect.poll(() => acked(page)).toBe('0:');
  await expect(logLines(page).last()).toHaveText(/^Timeline: moved to the start, before the first step\./);

  // Step 6 is the first XACK; step by step, each one animated and narrated.
  await click(page, 'Step forward', 6);
  expect(await position(page)).toMatchObject({ cursor: 6 });
  await expect.poll(() => acked(page)).toBe('1: …574170-0');
  await click(page, 'Step forward', 2);
  await expect.poll(() => acked(page)).toBe('3: …574170-0 …574171-0 …574172-0');

  // One step back, to just after the second XREADGROUP: the two later acknowledgements are undone.
  await click(page, 'Step back');
  await expect.poll(() => acked(page)).toBe('1: …574170-0');
  await expect(logLines(page).last()).toHaveText(/^Timeline: moved to step 7 of 10, just after redis ran XREADGROUP GROUP mygroup Alice COUNT 2/);

  // Typing there starts a branch that builds on this point's history, not on the steps it replaces.
  await typeIn(page, 'redis', 'XACK mystream mygroup 1609097574172-0');
  expect(await position(page)).toMatchObject({ cursor: 8, branches: 2 });
  await expect.poll(() => acked(page)).toBe('2: …574170-0 …574172-0');

  await click(page, 'Undo');
  await expect.poll(() => acked(page)).toBe('1: …574170-0');
  await click(page, 'Redo');
  await expect.poll(() => acked(page)).toBe('2: …574170-0 …574172-0');
});
