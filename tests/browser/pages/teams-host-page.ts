import type { Locator, Page } from 'playwright-core';
import { TabView } from './tab-view.ts';

export type HostTheme = 'Default' | 'Dark' | 'High contrast';

/** The development Teams-host emulation page (`/dev/teams-host.html`) with the tab framed inside it. */
export class TeamsHostPage {
  readonly tab: TabView;

  constructor(private readonly page: Page) {
    this.tab = new TabView(page.frameLocator('iframe[title="Confer tab"]'));
  }

  /** `locale` is what the host puts in the Teams context (`app.locale`); the tab formats dates with it. */
  async open(
    appUrl: string,
    options: { locale?: string; theme?: 'default' | 'dark' | 'contrast' } = {},
  ): Promise<void> {
    const url = new URL('/dev/teams-host.html', appUrl);
    if (options.locale) url.searchParams.set('locale', options.locale);
    if (options.theme) url.searchParams.set('theme', options.theme);
    await this.page.goto(url.href);
    await this.page.getByRole('heading', { name: /Teams host emulation/ }).waitFor();
  }

  async choosePerson(displayName: string): Promise<void> {
    const select = this.page.getByLabel('Signed-in person');
    await select.locator('option', { hasText: displayName }).waitFor({ state: 'attached' });
    await select.selectOption({ label: displayName });
  }

  async chooseTheme(theme: HostTheme): Promise<void> {
    await this.page.getByRole('radio', { name: theme }).check();
  }

  get appStatus(): Locator {
    return this.page.getByTestId('app-status');
  }

  get popupCount(): Locator {
    return this.page.getByTestId('popup-count');
  }

  /** Log entries the host recorded for one teams-js function from the tab. */
  calls(func: string): Locator {
    return this.page.locator(`ol[aria-label="teams-js calls"] li[data-from="content"][data-func="${func}"]`);
  }
}
