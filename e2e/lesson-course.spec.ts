/**
 * A learner opens a lesson link, reads the goal, asks for a hint, solves it in the real console and sees the
 * success state; progress survives a reload. Also: the clock lesson at phone width, "Show solution" on the
 * timeline, and a teacher's workshop link with notes. Screenshots go to test-results/ for a human look.
 */
import { expect, test, type Page } from '@playwright/test';
import { lessonFileHash } from '../web/lessons/link.ts';
import { expectText, idle, paste, run, selectConsole, text } from './helpers';

async function openLesson(page: Page, hash: string): Promise<void> {
  await page.goto(`./${hash}`);
  await expect.poll(() => page.evaluate(() => window.__playground?.readyAt() ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 15_000 });
}

test('a learner completes "Acknowledge processed entries" with a hint', async ({ page }) => {
  await openLesson(page, '#lesson=ack-basics');
  await expect(page.getByRole('heading', { name: 'Acknowledge processed entries' })).toBeVisible();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('1-0 and 2-0 are acknowledged');
  await expect(lesson).toContainText('Not yet:');
  // What the check found follows the goal's text after a space and a dash ("… acknowledged — 1-0 is pending").
  expect(await lesson.locator('.found').first().textContent()).toMatch(/^ — \S/);

  await page.getByRole('button', { name: 'Hint (1 of 2)' }).click();
  await expect(page.getByRole('list', { name: 'Hints' })).toContainText('alice holding three tokens');

  await selectConsole(page, 'alice');
  await run(page, 'XPENDING jobs workers');
  await idle(page, 'alice');
  await expect(page.getByTestId('lesson-success')).toHaveCount(0);
  await run(page, 'XACK jobs workers 1-0 2-0');
  await expectText(page, 'alice', '(integer) 2');

  const success = page.getByTestId('lesson-success');
  await expect(success).toContainText('Goal reached with 2 commands (the reference solution uses 1)');
  await expect(lesson).not.toContainText('Not yet:');
  await page.screenshot({ path: 'test-results/lesson-desktop.png' });

  await page.reload();
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toContainText('✓ 5. Acknowledge processed entries');
  await expect(page.getByRole('list', { name: 'Hints' })).toContainText('alice holding three tokens');
});

test('the clock lesson at phone width: a wrong attempt, then a claim after moving the clock', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openLesson(page, '#lesson=xclaim-crash');
  await selectConsole(page, 'alice');
  await run(page, 'XCLAIM jobs workers alice 60000 1-0 2-0 3-0');
  await expectText(page, 'alice', '(empty array)');
  await expect(page.getByTestId('lesson')).toContainText('Not yet: At least a minute has passed');
  await page.screenshot({ path: 'test-results/lesson-mobile.png', fullPage: true });

  await run(page, ':clock +60s');
  await idle(page, 'alice');
  await run(page, 'XCLAIM jobs workers alice 60000 1-0 2-0 3-0');
  await expect(page.getByTestId('lesson-success')).toContainText('Goal reached with 2 commands (the reference solution uses 1)');
  await page.screenshot({ path: 'test-results/lesson-mobile-solved.png', fullPage: true });
});

test('"Show solution" plays the reference solution and does not count as solved', async ({ page }) => {
  await openLesson(page, '#lesson=groups-intro');
  await page.getByRole('button', { name: 'Show target' }).click();
  // Drawn in the diagram column, beside the live diagram.
  await expect(page.getByRole('complementary', { name: 'Diagram' }).getByTestId('lesson-target')).toContainText('jobs');
  // The live diagram below the target keeps its height (the column scrolls): it is not squeezed to its title.
  const live = page.getByRole('region', { name: 'Diagram', exact: true });
  await live.scrollIntoViewIfNeeded();
  await expect(live).toBeInViewport();
  expect((await live.boundingBox())?.height ?? 0).toBeGreaterThan(150);
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByText('That was the reference solution (3 commands)')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('lesson-success')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/lesson-target.png' });
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('lesson')).toContainText('Not yet:');
});

test('a teacher makes a workshop link with notes, and it opens on that sequence', async ({ page }) => {
  await openLesson(page, '#course');
  await page.getByText('For teachers: share a lesson or make a workshop link').click();
  await page.getByLabel('Workshop title').fill('Room 4');
  await page.getByRole('checkbox', { name: 'Acknowledge processed entries' }).check();
  await page.getByRole('checkbox', { name: 'Dead letters by delivery count' }).check();
  await page.getByRole('textbox', { name: 'Note for Acknowledge processed entries' }).fill('Pair up: one types, one watches the diagram.');
  const link = await page.getByTestId('workshop-link').inputValue();
  expect(link).toMatch(/#workshop=1\./);

  await page.goto(link);
  await page.reload();
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('lesson')).toContainText('Workshop: Room 4');
  await expect(page.getByTestId('lesson-note')).toContainText('Pair up: one types, one watches the diagram.');
  await expect(page.getByRole('combobox', { name: 'Lesson' }).locator('option')).toHaveCount(2);
});

test("lessons leave the learner's own session alone: it is back after leaving, and after a reload", async ({ page }) => {
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__playground?.readyAt() ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
  await run(page, 'XADD mine 1-0 who me');
  await idle(page, 'producer');
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Leave lessons' }).click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams.map((s) => s.key))).toEqual(['mine']);
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams.map((s) => s.key)), { timeout: 20_000 }).toEqual(['mine']);
});

test("a teacher's lesson with a list of commands: the console refuses the others, and they change nothing", async ({ page }) => {
  const file = {
    v: 1,
    kind: 'lesson',
    id: 'ack-only',
    title: 'Acknowledge, nothing else',
    goal: { text: '1-0 is acknowledged', check: { pending: { stream: 'jobs', group: 'workers', count: 1 } } },
    setup: ['producer> XADD jobs 1-0 task a', 'producer> XADD jobs 2-0 task b', 'producer> XGROUP CREATE jobs workers 0', 'alice> XREADGROUP GROUP workers alice STREAMS jobs >'],
    solution: ['alice> XACK jobs workers 1-0'],
    allowed: ['XACK', 'XPENDING'],
  };
  await openLesson(page, lessonFileHash(file));
  await expect(page.getByTestId('lesson')).toContainText('Commands for this lesson: XACK, XPENDING');
  await selectConsole(page, 'alice');
  await run(page, 'XDEL jobs 1-0');
  await expectText(page, 'alice', '> XDEL jobs 1-0\nNot run: this lesson allows only XACK, XPENDING (not XDEL).\n');
  // A repeat count, and a refused line in the middle of a paste, are refused too; the lines around it run.
  await idle(page, 'alice');
  await paste(page, 'XPENDING jobs workers\n2 XGROUP DESTROY jobs workers\nXACK jobs workers 1-0\n');
  await expectText(page, 'alice', '> 2 XGROUP DESTROY jobs workers\nNot run: this lesson allows only XACK, XPENDING (not XGROUP).\n');
  await expectText(page, 'alice', '> XACK jobs workers 1-0\n(integer) 1\n');
  expect(await text(page, 'alice')).toContain('> XPENDING jobs workers\n1) (integer) 2\n');
  // Only what ran counts: XPENDING and XACK.
  await expect(page.getByTestId('lesson-success')).toContainText('Goal reached with 2 commands (the reference solution uses 1)');
  // Outside the lesson, every command runs again.
  await page.getByRole('button', { name: 'Leave lessons' }).click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await selectConsole(page, 'producer');
  await run(page, 'XDEL gone 1-0');
  await expectText(page, 'producer', '> XDEL gone 1-0\n(integer) 0\n');
});

test('a goal with several facts about one group lists each fact, and the tally counts the lines shown', async ({ page }) => {
  await openLesson(page, '#lesson=groups-intro');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('The group workers on jobs has read up to 4-0');
  await expect(lesson).toContainText('The group workers on jobs has 4 pending entries');
  const facts = lesson.locator('.checks li:not(:has(ul))');
  await expect(lesson.getByRole('heading', { name: /Goal/ })).toContainText(`(0 of ${await facts.count()} done)`);
  await expect(facts).toHaveCount(4);

  // Half the goal: the group at 4-0 with two entries pending for alice.
  await selectConsole(page, 'alice');
  await run(page, 'XGROUP CREATE jobs workers 0');
  await idle(page, 'alice');
  await run(page, 'XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >');
  await idle(page, 'alice');
  await expect(lesson.getByRole('heading', { name: /Goal/ })).toContainText('(1 of 4 done)');
  await expect(lesson).toContainText('Not yet: The group workers on jobs has read up to 4-0 — its last-delivered-id is 2-0');
});
