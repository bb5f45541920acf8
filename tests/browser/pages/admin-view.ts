import type { FrameLocator, Locator, Page } from 'playwright-core';

export type AdminSectionName = 'Integration' | 'Access test' | 'Connection health' | 'Incidents' | 'Audit log';

/** The admin center (`#/admin…`) wherever the tab runs: a top-level page or the Teams host's iframe. */
export class AdminView {
  constructor(private readonly root: Page | FrameLocator) {}

  get navLink(): Locator {
    return this.root.getByRole('navigation', { name: 'Confer' }).getByRole('link', { name: 'Admin' });
  }

  get heading(): Locator {
    return this.root.getByRole('heading', { level: 1, name: 'Admin center' });
  }

  get refusal(): Locator {
    return this.root.getByTestId('admin-refusal');
  }

  section(name: AdminSectionName): Locator {
    return this.root.getByRole('tablist', { name: 'Admin center' }).getByRole('tab', { name, exact: true });
  }

  async open(name: AdminSectionName): Promise<void> {
    await this.section(name).click();
    await this.section(name).and(this.root.locator('[aria-selected="true"]')).waitFor();
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  // Integration ------------------------------------------------------------------------------------------------

  get integrationSwitch(): Locator {
    return this.root.getByRole('switch', { name: 'Allow people to connect their Outlook calendar' });
  }

  get disconnectSwitch(): Locator {
    return this.root.getByRole('switch', { name: 'Let people disconnect their own calendar' });
  }

  mode(kind: 'user' | 'tenant'): Locator {
    return this.root.getByRole('radio', { name: kind === 'user' ? /per-user/ : /tenant-wide/ });
  }

  get ownerInput(): Locator {
    return this.root.getByRole('combobox', { name: 'Add an integration owner' });
  }

  get owners(): Locator {
    return this.root.getByRole('listbox', { name: 'Integration owners chosen' }).getByRole('option');
  }

  async addOwner(search: string, name: string): Promise<void> {
    await this.ownerInput.click();
    await this.ownerInput.pressSequentially(search);
    await this.root.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  get confirmDialog(): Locator {
    return this.root.getByRole('dialog', { name: 'Save these changes?' });
  }

  /** Save settings, read the confirmation's lines, confirm, and wait for "saved". */
  async saveSettings(): Promise<string[]> {
    await this.button('Save settings').click();
    await this.confirmDialog.waitFor();
    const lines = await this.confirmDialog.locator('li').allTextContents();
    await this.confirmDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await this.root.getByText('The settings are saved.').waitFor();
    return lines;
  }

  get consentLink(): Locator {
    return this.root.getByTestId('consent-link');
  }

  get consentOutcome(): Locator {
    return this.root.getByTestId('consent-outcome');
  }

  // Access test ------------------------------------------------------------------------------------------------

  get sampleSize(): Locator {
    return this.root.getByRole('spinbutton', { name: 'Random sample size' });
  }

  get namedPeople(): Locator {
    return this.root.getByRole('textbox', { name: 'Named people' });
  }

  get accessSummary(): Locator {
    return this.root.getByTestId('access-test-summary');
  }

  get accessFailures(): Locator {
    return this.root.getByTestId('access-failure');
  }

  get accessPeople(): Locator {
    return this.root.getByTestId('access-person');
  }

  get accessHistory(): Locator {
    return this.root.getByTestId('access-test-row');
  }

  // Connection health ------------------------------------------------------------------------------------------

  statusChip(status: string): Locator {
    return this.root.getByTestId(`health-count-${status}`);
  }

  get healthSearch(): Locator {
    return this.root.getByRole('searchbox', { name: 'Search people' });
  }

  get healthStatus(): Locator {
    return this.root.getByRole('combobox', { name: 'Status' });
  }

  get healthRows(): Locator {
    return this.root.getByTestId('health-row');
  }

  get healthMatching(): Locator {
    return this.root.getByTestId('health-matching');
  }

  // Incidents and audit ----------------------------------------------------------------------------------------

  incidents(state: 'open' | 'resolved'): Locator {
    return this.root.getByTestId(`incidents-${state}`);
  }

  get auditRows(): Locator {
    return this.root.getByTestId('audit-row');
  }

  get auditActions(): Locator {
    return this.root.getByTestId('audit-action');
  }

  auditFilter(label: 'Action' | 'Who (object id)' | 'From' | 'To'): Locator {
    return this.root.getByLabel(label, { exact: true });
  }
}
