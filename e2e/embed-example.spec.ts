/** The example docs page: two embedded scenarios, driven through the postMessage API, sized from their height events. */
import { expect, test, type Page } from '@playwright/test';

interface Ev {
  frame: string;
  type: string;
  height?: number;
  command?: string;
  reply?: string;
  cursor?: number;
  length?: number;
  message?: string;
}
const events = (page: Page) => page.evaluate(() => (window as unknown as { embedEvents: Ev[] }).embedEvents ?? []);
const ofType = async (page: Page, frame: string, type: string) => (await events(page)).filter((e) => e.frame === frame && e.type === type);

async function openExample(page: Page): Promise<void> {
  await page.goto('./embed-example.html');
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'ready').map((e) => e.frame).sort(), { timeout: 20_000 }).toEqual(['balance', 'xack']);
}

test('both examples load their scenarios and size their iframes to their content', async ({ page }) => {
  await openExample(page);
  const xack = page.frameLocator('#xack');
  // The title (the log's load line names it too).
  await expect(xack.getByText('XACK basics', { exact: true })).toBeVisible();
  await expect.poll(async () => (await ofType(page, 'xack', 'height')).length).toBeGreaterThan(0);
  const h = (await ofType(page, 'xack', 'height')).at(-1)?.height ?? 0;
  expect(h).toBeGreaterThan(200);
  await expect(page.locator('#xack')).toHaveAttribute('style', new RegExp(`height: ${Math.min(h, 2000)}px`));
  const state = (await ofType(page, 'xack', 'state')).at(-1);
  expect(state).toMatchObject({ cursor: 10, length: 10 });
  // The last step's note explains a 0 reply: it reads as text, not in the red of an error.
  const note = xack.getByTestId('scenario-note');
  await expect(note).toHaveText('No entry has that ID, so nothing was pending under it: XACK counts 0.');
  const [noteColour, textColour] = await note.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).color]);
  expect(noteColour).toBe(textColour);
  // The diagram is not squeezed to the console's height: the group's acknowledged area is in full view, not
  // scrolled or clipped away inside the diagram.
  const acked = xack.getByRole('group', { name: 'Acknowledged by group mygroup (playground history)' });
  await expect(acked).toContainText('3 · the playground');
  const fits = await acked.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const streams = el.closest('.streams')?.getBoundingClientRect();
    return streams !== undefined && box.height > 0 && box.top >= streams.top && box.bottom <= streams.bottom + 1;
  });
  expect(fits).toBe(true);
});

test('the host page runs commands and moves the timeline through the API', async ({ page }) => {
  await openExample(page);
  await page.getByRole('button', { name: 'Run XPENDING in the example' }).click();
  await expect.poll(async () => (await ofType(page, 'xack', 'executed')).map((e) => e.command)).toContain('XPENDING mystream mygroup');
  const ran = (await ofType(page, 'xack', 'executed')).find((e) => e.command === 'XPENDING mystream mygroup');
  expect(ran?.reply).toBe('1) (integer) 0\n2) (nil)\n3) (nil)\n4) (nil)\n');
  // xterm draws only while it is on screen: the button's click scrolled the page below the example's console.
  const rows = page.frameLocator('#xack').locator('.xterm-rows');
  await rows.scrollIntoViewIfNeeded();
  await expect(rows).toContainText('XPENDING mystream mygroup');

  await page.getByRole('button', { name: 'Back to the start' }).click();
  await expect.poll(async () => (await ofType(page, 'xack', 'state')).at(-1)?.cursor).toBe(0);

  await page.getByRole('button', { name: 'Add an order and let bob read it' }).click();
  await expect.poll(async () => (await ofType(page, 'balance', 'executed')).map((e) => e.command)).toContain('XREADGROUP GROUP workers bob COUNT 1 STREAMS orders >');
  const read = (await ofType(page, 'balance', 'executed')).find((e) => e.command?.startsWith('XREADGROUP'));
  expect(read?.reply).toContain('"mango"');
});

test('messages from an origin the embed was not given are ignored', async ({ page }) => {
  await page.goto('./embed-example.html');
  // An embed that only trusts https://docs.example, inside this page (a different origin).
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'foreign';
    f.src = './?embed&panes=console&scenario=xack-basics&origin=https%3A%2F%2Fdocs.example';
    document.body.append(f);
  });
  const frame = page.frame({ url: /origin=https%3A%2F%2Fdocs.example/ });
  await expect.poll(() => page.frame({ url: /origin=https%3A%2F%2Fdocs.example/ })?.evaluate(() => window.__scenario?.position().length ?? 0) ?? 0, { timeout: 20_000 }).toBe(10);
  await page.evaluate(() => {
    const f = document.getElementById('foreign') as HTMLIFrameElement;
    f.contentWindow?.postMessage({ v: 1, type: 'run', commands: ['XADD mystream * evil 1'] }, '*');
    f.contentWindow?.postMessage({ v: 1, type: 'reset' }, '*');
  });
  const foreign = page.frame({ url: /origin=https%3A%2F%2Fdocs.example/ }) ?? frame;
  await expect.poll(() => foreign?.evaluate(() => window.__scenario?.embedRejected() ?? 0)).toBe(2);
  expect(await foreign?.evaluate(() => window.__scenario?.position())).toEqual({ cursor: 10, length: 10, branches: 1 });
  expect(await foreign?.evaluate(async () => (await window.__playground?.text('redis')) ?? '')).not.toContain('evil');
});

test('a malformed message gets an error event, not a half-run command', async ({ page }) => {
  await openExample(page);
  await page.evaluate(() => {
    const f = document.getElementById('xack') as HTMLIFrameElement;
    f.contentWindow?.postMessage({ v: 1, type: 'run', commands: 'XADD mystream * a 1' }, location.origin);
    f.contentWindow?.postMessage({ v: 7, type: 'reset', id: 'x' }, location.origin);
  });
  await expect.poll(async () => (await ofType(page, 'xack', 'error')).map((e) => e.message)).toEqual([
    'run needs commands: a non-empty list of command lines',
    'unsupported API version 7; this playground speaks version 1',
  ]);
});
