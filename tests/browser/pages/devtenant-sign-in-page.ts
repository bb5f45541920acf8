import type { Page } from 'playwright-core';

/** devtenant's Entra-like sign-in ("Pick an account") and consent ("Permissions requested") pages. */
export class DevTenantSignInPage {
  constructor(private readonly page: Page) {}

  async waitForAccountPicker(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Pick an account' }).waitFor({ timeout: 20_000 });
  }

  /** Picks the person, accepting the consent screen if devtenant shows one for this app. */
  async signInAs(displayName: string, returnOrigin: string): Promise<void> {
    await this.waitForAccountPicker();
    await this.page.getByRole('button', { name: new RegExp(displayName) }).click();
    const consent = this.page.getByRole('heading', { name: 'Permissions requested' });
    const backHome = this.page.waitForURL((url) => url.origin === returnOrigin, { timeout: 20_000 });
    const outcome = await Promise.race([
      backHome.then(() => 'returned' as const),
      consent.waitFor({ timeout: 20_000 }).then(() => 'consent' as const),
    ]);
    if (outcome === 'consent') {
      await this.page.getByRole('button', { name: 'Accept' }).click();
      await backHome;
    }
  }

  /**
   * In a consent popup (`prompt=consent`): devtenant may first ask which account (the login hint preselects it),
   * then always shows the permissions; accepting sends the popup back to Confer's auth-end page.
   */
  async consentAs(displayName: string): Promise<void> {
    const picker = this.page.getByRole('heading', { name: 'Pick an account' });
    const consent = this.page.getByRole('heading', { name: 'Permissions requested' });
    await Promise.race([picker.waitFor({ timeout: 20_000 }), consent.waitFor({ timeout: 20_000 })]);
    if (await picker.isVisible()) await this.page.getByRole('button', { name: new RegExp(displayName) }).click();
    await consent.waitFor({ timeout: 20_000 });
    await this.page.getByRole('button', { name: 'Accept' }).click();
  }
}
