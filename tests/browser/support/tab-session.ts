import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { apiAs } from '../../support/api-client.ts';
import type { PEOPLE, Stack } from '../../support/stack.ts';
import { TeamsHostPage } from '../pages/teams-host-page.ts';
import { contextDefaults } from './chromium.ts';

export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

/** Playground people's addresses: given name plus the surname's initial (the shared facts). */
export function emailOf(person: Person): string {
  const [given = '', surname = ''] = person.name.toLowerCase().split(' ');
  return `${given}${surname.charAt(0)}@contoso.onmicrosoft.com`;
}

export interface TeamsTab {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly host: TeamsHostPage;
  /** The tab's document inside the host's iframe. */
  readonly root: FrameLocator;
  /** Navigates inside the tab, as its own links do (`#/settings`). */
  go(hash: string): Promise<void>;
}

/**
 * The tab as `person` inside the Teams-host emulation (teams-js SSO, no sign-in page), optionally deep-linked
 * through the Teams `subEntityId` (`page.subPageId` in the tab) and in a given Teams theme.
 */
export async function openInTeams(
  browser: Browser,
  stack: Stack,
  person: Person,
  options: {
    subEntityId?: string;
    theme?: 'default' | 'dark' | 'contrast';
    context?: BrowserContext;
    /** Teams' `app.locale` in the host (a Teams-style tag such as `de-de`); British English by default. */
    locale?: string;
  } = {},
): Promise<TeamsTab> {
  const context = options.context ?? (await browser.newContext(contextDefaults));
  const page = await context.newPage();
  const url = new URL('/dev/teams-host.html', stack.appUrl);
  url.searchParams.set('user', person.id);
  url.searchParams.set('locale', options.locale ?? 'en-gb');
  if (options.theme) url.searchParams.set('theme', options.theme);
  if (options.subEntityId) url.searchParams.set('subEntityId', options.subEntityId);
  await page.goto(url.href);
  const host = new TeamsHostPage(page);
  const root = page.frameLocator('iframe[title="Confer tab"]');
  // The navigation is named after the product, in every language.
  await root.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
  const go = async (hash: string) => {
    const frame = page.frames().find((f) => f.url().includes('/index.html'));
    if (!frame) throw new Error('the tab frame is not open');
    await frame.evaluate((target) => {
      window.location.hash = target;
    }, hash);
  };
  return { context, page, host, root, go };
}

/**
 * A Confer meeting made through the API (fast, and independent of the page under test) at the best time Confer
 * suggests for these people, so every calendar is free then.
 */
export async function createMeeting(
  stack: Stack,
  organizer: Person,
  attendees: readonly Person[],
  options: {
    title: string;
    agenda?: string;
    typeId?: string;
    recurrence?: { kind: 'weekly' | 'biweekly' | 'monthly'; count: number };
  },
): Promise<MeetingDto> {
  const api = apiAs(stack, organizer.id);
  const emails = attendees.map(emailOf);
  const suggestions = await api.post<SuggestionsResponse>('/api/suggestions', {
    attendees: emails,
    durationMinutes: 30,
    recurrence: options.recurrence ?? null,
    maxSuggestions: 3,
  });
  const slot = suggestions.body.suggestions[0];
  if (suggestions.status !== 200 || !slot) throw new Error(`no suggestion for ${options.title}: ${suggestions.status}`);
  const created = await api.post<MeetingDto>('/api/meetings', {
    title: options.title,
    agenda: options.agenda ?? 'How the quarter went\nWhat to focus on next',
    attendees: emails,
    start: slot.start,
    end: slot.end,
    timeZone: 'Europe/London',
    typeId: options.typeId ?? null,
    recurrence: options.recurrence ?? null,
    acceptConflicts: true,
  });
  if (created.status !== 201) throw new Error(`creating ${options.title} answered ${created.status}`);
  return created.body;
}

export function uniqueTitle(base: string): string {
  return `${base} ${Math.random().toString(36).slice(2, 7)}`;
}
