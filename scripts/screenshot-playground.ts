/**
 * `npx tsx scripts/screenshot-playground.ts`: the README's bot screenshots, taken from the Microsoft 365
 * Agents Playground (pinned) driving the real app (devtenant, tenant-wide mode) in headless Chromium.
 * Writes docs/screenshots/bot-*.png.
 *
 * Browser: CHROMIUM_PATH, or an installed Chromium, Chrome or Edge (scripts/lib/chromium-path.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startPlayground } from '../bot/playground/playground-launcher.ts';
import { createControllableClock } from '../devtenant/src/index.ts';
import { freePort } from '../tests/bot/bot-test-support.ts';
import { type Stack, startStack } from '../tests/support/stack.ts';
import { chromiumExecutable, HEADLESS_CHROMIUM_FLAGS } from './lib/chromium-path.ts';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');

const MEGAN = { id: '00000000-0000-0000-0000-0000000000021' };
/**
 * Monday 10:00 in New York (Alex's mailbox zone), an hour after the clock's start: the reminder comes
 * 15 minutes before. The clock moves less than the lifetime of the tokens the app already holds.
 */
const clockStart = new Date('2026-11-23T14:00:00.000Z');
const meetingStart = new Date('2026-11-23T15:00:00.000Z');

async function main(): Promise<void> {
  const clock = createControllableClock(clockStart);
  // Tenant-wide mode: the app reads calendars with its own permission, so nobody has to connect first.
  const stack = await startStack({ tabDir: null, clock, connectionMode: 'tenant', logLevel: 'warn' });
  const logDir = mkdtempSync(join(tmpdir(), 'confer-screens-'));
  const playground = await startPlayground({
    appEndpoint: `${stack.appUrl}/api/messages`,
    port: await freePort(),
    logFile: join(logDir, 'm365agentsplayground.log'),
  });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...HEADLESS_CHROMIUM_FLAGS],
  });
  const worker = stack.composed.delivery.worker;
  try {
    mkdirSync(out, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 820, height: 1000 }, deviceScaleFactor: 1 });
    const chat = new PlaygroundChat(page);
    // Opening the Playground installs the app in Alex's personal chat: the welcome card.
    await page.goto(playground.url);
    await chat.hideSidePanels();
    await chat.shoot('bot-welcome.png', await chat.waitForCard('welcome to Confer'));

    await chat.shootReply('help', 'bot-help.png', 'What I can do');
    await chat.shootReply('schedule with Megan', 'bot-schedule-with.png', 'Times with Megan Bowen');

    await worker.start();
    await scheduleAsMegan(stack);
    await chat.shoot('bot-invitation.png', await chat.waitForCard('Megan Bowen invited you'));

    clock.set(new Date(meetingStart.getTime() - 15 * 60_000));
    worker.wake();
    await chat.shoot('bot-reminder.png', await chat.waitForCard('In 15 minutes'));
  } finally {
    await worker.stop();
    await browser.close();
    await playground.stop();
    await stack.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** Megan schedules a check-in with Alex through the API, as the tab would; Alex's invitation follows. */
async function scheduleAsMegan(stack: Stack): Promise<void> {
  const token = await stack.tabTokenFor(MEGAN.id);
  const response = await fetch(`${stack.appUrl}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Quarterly check-in',
      agenda: 'Goals for next quarter and the support that would help',
      attendees: ['alexw@contoso.onmicrosoft.com'],
      start: meetingStart.toISOString(),
      end: new Date(meetingStart.getTime() + 30 * 60_000).toISOString(),
      timeZone: 'America/New_York',
      acceptConflicts: true,
    }),
  });
  if (!response.ok) throw new Error(`creating the meeting: ${response.status} ${await response.text()}`);
}

/** Alex's personal chat in the Playground's web UI, cropped to the conversation for each picture. */
class PlaygroundChat {
  readonly #page: Page;
  #seen = 0;

  constructor(page: Page) {
    this.#page = page;
  }

  get #cards(): Locator {
    return this.#page.locator('.ac-adaptiveCard');
  }

  /** The log panel would cover part of the conversation (at this width the chat list folds away itself). */
  async hideSidePanels(): Promise<void> {
    await this.#page.getByTitle('Toggle Log Panel').click();
  }

  /** Waits for a new card mentioning `text` and answers it. */
  async waitForCard(text: string): Promise<Locator> {
    const card = this.#cards.filter({ hasText: text }).last();
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await this.#page.waitForFunction(
      (count) => document.querySelectorAll('.ac-adaptiveCard').length > count,
      this.#seen,
    );
    this.#seen = await this.#cards.count();
    // Cards render their images and fonts a moment after they appear.
    await this.#page.waitForTimeout(500);
    return card;
  }

  /** Types like Alex would, then pictures his message with the card that answers it. */
  async shootReply(message: string, file: string, cardText: string): Promise<void> {
    // The compose box is a rich-text editor (contenteditable), not an input.
    const input = this.#page.locator('[contenteditable="true"]').last();
    await input.click();
    await this.#page.keyboard.type(message);
    await this.#page.keyboard.press('Enter');
    const card = await this.waitForCard(cardText);
    await this.shoot(file, card, await this.#sentAbove(message, card));
  }

  /** Alex's message bubble right above the card (the card itself may repeat the words, e.g. "help"). */
  async #sentAbove(message: string, card: Locator): Promise<Locator> {
    const cardTop = (await card.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    let best: { locator: Locator; y: number } | null = null;
    for (const candidate of await this.#page.getByText(message, { exact: true }).all()) {
      const y = (await candidate.boundingBox())?.y ?? Number.NEGATIVE_INFINITY;
      if (y < cardTop && (!best || y > best.y)) best = { locator: candidate, y };
    }
    if (!best) throw new Error(`"${message}" is not in the chat above its answer`);
    return best.locator;
  }

  /** Pictures a card (from `from` down, when given), with the sender line above it. */
  async shoot(file: string, card: Locator, from: Locator | null = null): Promise<void> {
    await card.scrollIntoViewIfNeeded();
    const cardBox = await card.boundingBox();
    const fromBox = from ? await from.boundingBox() : null;
    if (!cardBox) throw new Error(`${file}: the card is not on screen`);
    const margin = 10;
    // The sender and time line sits above a card, and above a sent message; the message above stays out.
    const senderLine = 30;
    const top = Math.max(0, (fromBox?.y ?? cardBox.y) - senderLine - (fromBox ? margin : 2));
    const left = Math.max(0, cardBox.x - 60);
    const right = Math.max(cardBox.x + cardBox.width, fromBox ? fromBox.x + fromBox.width : 0) + margin;
    await this.#page.screenshot({
      path: join(out, file),
      clip: { x: left, y: top, width: right - left, height: cardBox.y + cardBox.height + margin - top },
    });
    console.log(`wrote docs/screenshots/${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
