import { expect, test } from '@playwright/test';
import { SEED_CLOCK, expectApart, openApp } from './helpers.ts';
import { cmd, cursorAt, drawnLanes, inside, lanes, openDiagram, view } from './diagram-helpers.ts';

/**
 * A scripted scenario typed into the real console; after each step the diagram's state (from the typed hook) and
 * what it draws (read from the DOM) are checked: tokens in the right lanes with the right delivery counts, the
 * group cursor's place, ghosts after XDEL.
 */
test('the diagram follows a group through delivery, ack, claim, XDEL and a history read', async ({ page }) => {
  await openDiagram(page);

  for (const n of [1, 2, 3]) await cmd(page, `XADD s ${n}-0 n ${n}`);
  let v = await view(page);
  expect(v.streams[0]).toMatchObject({ key: 's', length: 3, lastId: '3-0', entriesAdded: 3 });
  await expect(page.locator('[data-stream="s"] .entry')).toHaveCount(3);

  await cmd(page, 'XGROUP CREATE s g 0');
  expect(await cursorAt(page, 'g')).toBe('head');

  await cmd(page, 'XREADGROUP GROUP g alice COUNT 2 STREAMS s >');
  expect(await lanes(page, 's', 'g')).toEqual(['alice: 1-0×1 2-0×1']);
  expect(await drawnLanes(page, 'g')).toEqual(['alice: 1-0×1 2-0×1']);
  expect(await cursorAt(page, 'g')).toBe('2-0');

  await cmd(page, 'XREADGROUP GROUP g bob STREAMS s >');
  expect(await drawnLanes(page, 'g')).toEqual(['alice: 1-0×1 2-0×1', 'bob: 3-0×1']);
  expect(await cursorAt(page, 'g')).toBe('3-0');

  await cmd(page, 'XACK s g 1-0');
  expect(await drawnLanes(page, 'g')).toEqual(['alice: 2-0×1', 'bob: 3-0×1']);
  await expect(page.getByRole('group', { name: 'Acknowledged by group g (playground history)' })).toContainText('1-0');

  await cmd(page, ':clock +10s');
  await cmd(page, 'XCLAIM s g bob 5000 2-0');
  expect(await drawnLanes(page, 'g')).toEqual(['alice:', 'bob: 2-0×2 3-0×1']);

  await cmd(page, 'XDEL s 3-0');
  expect(await drawnLanes(page, 'g')).toEqual(['alice:', 'bob: 2-0×2 3-0×1 ghost']);
  await expect(page.locator('[data-stream="s"] .entry.tomb[data-id="3-0"]')).toHaveCount(1);
  v = await view(page);
  expect(v.streams[0]).toMatchObject({ length: 2, maxDeletedId: '3-0' });

  await cmd(page, 'XREADGROUP GROUP g bob STREAMS s 0');
  expect(await drawnLanes(page, 'g')).toEqual(['alice:', 'bob: 2-0×3 3-0×1 ghost']);

  await cmd(page, 'XACK s g 3-0');
  expect(await drawnLanes(page, 'g')).toEqual(['alice:', 'bob: 2-0×3']);
  const log = await page.evaluate(() => window.__diagram?.log() ?? []);
  expect(log).toContain('XCLAIM moved 2-0 from alice to bob because it was idle for at least 5000 ms (the min-idle-time); delivery count is now 2.');
});

/** The seed page's transcript (see seed.spec.ts), with a screenshot of the diagram after every step. */
test('screenshots of the seed scenario at each step', async ({ page }) => {
  await openApp(page, SEED_CLOCK);
  await page.locator('[aria-label="Console producer"]').click();
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
  for (const [i, line] of lines.entries()) {
    await cmd(page, line);
    await page.screenshot({ path: `test-results/diagram/seed-${String(i + 1).padStart(2, '0')}.png` });
  }
  const v = await view(page);
  expect(v.streams[0]).toMatchObject({ key: 'mystream', length: 3 });
  expect(v.streams[0].groups[0]).toMatchObject({ name: 'mygroup', pending: 0 });
});

test('cursor and reader labels under the log stay whole inside it and never cover one another', async ({ page }) => {
  await openDiagram(page);
  for (const n of [1, 2]) await cmd(page, `XADD s ${n}-1 f v`);
  // Two cursors at the head (one with a long name), two after the first entry, one at the tail, and a reader.
  for (const [name, at] of [['mygroup', '0'], ['a-long-group-name', '0'], ['g2', '1-1'], ['another-long-one', '1-1'], ['third-long-group', '2-1']]) {
    await cmd(page, `XGROUP CREATE s ${name} ${at}`);
  }
  await cmd(page, 'XREAD STREAMS s 0-0');
  const boxes = await page.evaluate(() => {
    const log = document.querySelector('[data-stream="s"] .scroller');
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const labels = [...document.querySelectorAll('[data-stream="s"] .log .cursor, [data-stream="s"] .log .reader')];
    return { log: log ? rect(log) : null, labels: labels.map((e) => ({ text: e.textContent?.trim() ?? '', ...rect(e) })) };
  });
  expect(boxes.labels.map((l) => l.text).sort()).toEqual(['▲ a-long-group-name', '▲ another-long-one', '▲ g2', '▲ mygroup', '▲ third-long-group', '◆ producer']);
  for (const l of boxes.labels) expect(inside(l, boxes.log), `${l.text} lies inside the log`).toBe(true);
  expectApart(boxes.labels.map((l) => ({ ...l, name: l.text })));
});

test('a stream in another database says which: "c (db 2)", and its region is named so', async ({ page }) => {
  await openDiagram(page);
  await cmd(page, 'XADD c 1-0 f v');
  await cmd(page, 'SELECT 2');
  await cmd(page, 'XADD c 1-0 f v');
  await expect(page.getByRole('region', { name: 'Stream c', exact: true })).toBeVisible();
  const other = page.getByRole('region', { name: 'Stream c in db 2', exact: true });
  await expect(other.getByRole('heading')).toHaveText('c (db 2)');
});
