import type { FrameLocator, Locator, Page } from 'playwright-core';

/** What the tab shows after meetings: attendance and "You and …" on the meeting page, "Due to meet" on Home. */
export class FollowThroughView {
  constructor(private readonly root: Page | FrameLocator) {}

  get attendance(): Locator {
    return this.root.getByTestId('attendance');
  }

  /** Each ended occurrence, the latest first. */
  get occurrences(): Locator {
    return this.attendance.getByTestId('attendance-occurrence');
  }

  statusOf(occurrence: Locator): Locator {
    return occurrence.getByTestId('attendance-status');
  }

  personIn(occurrence: Locator, email: string): Locator {
    return occurrence.locator(`[data-testid="attendance-person"][data-email="${email}"]`);
  }

  get together(): Locator {
    return this.root.getByTestId('together');
  }

  rhythm(name: string): Locator {
    return this.together.getByRole('combobox', { name: `How often you and ${name} meet` });
  }

  get dueToMeet(): Locator {
    return this.root.getByTestId('due-to-meet');
  }

  duePair(email: string): Locator {
    return this.dueToMeet.locator(`[data-testid="due-pair"][data-email="${email}"]`);
  }

  get nudges(): Locator {
    return this.root.getByRole('switch', { name: "Remind me when I haven't met someone for a while" });
  }
}
