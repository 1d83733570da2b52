import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** One room's page: header, join actions, voice, details, listing, and its guest pass dialog. */
export class RoomPage extends AppShell {
  readonly code: Locator;
  readonly lastUpdated: Locator;
  readonly refresh: Locator;
  readonly joinAsHost: Locator;
  readonly guestPass: Locator;
  readonly details: Locator;
  readonly limits: Locator;
  readonly participants: Locator;
  readonly listing: Locator;
  readonly closedNote: Locator;
  readonly voice: Locator;
  readonly passDialog: GuestPassDialog;

  constructor(page: Page) {
    super(page);
    this.code = page.locator('.room-header__meta .mono');
    this.lastUpdated = page.getByText(/^Last updated \d\d:\d\d:\d\d$/);
    this.refresh = page.getByRole('button', { name: 'Refresh' });
    this.joinAsHost = page.getByRole('button', { name: 'Join as host' });
    this.guestPass = page.getByRole('button', { name: 'Guest pass', exact: true });
    this.details = page.getByRole('region', { name: 'Details' });
    this.limits = page.getByRole('region', { name: 'Limits' });
    this.participants = page.getByRole('region', { name: 'Participants' });
    this.listing = page.getByRole('region', { name: 'Listing' });
    this.closedNote = page.getByText('This room is closed.', { exact: false });
    this.voice = page.getByRole('region', { name: 'Voice' });
    this.passDialog = new GuestPassDialog(page);
  }

  passFor(name: string): Locator {
    return this.page.getByRole('button', { name: `Guest pass for ${name}` });
  }

  /** The signature check sits in the "Voice diagnostics" disclosure, out of the main flow. */
  async getVoiceSignature(): Promise<void> {
    const disclosure = this.page.locator('details.room-voice__diagnostics');
    if (!(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await disclosure.locator('summary').click();
    }
    await this.page.getByRole('button', { name: 'Get voice signature' }).click();
  }
}

export class GuestPassDialog {
  readonly dialog: Locator;
  readonly userId: Locator;
  readonly role: Locator;
  readonly nickname: Locator;
  readonly issue: Locator;
  readonly close: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Guest pass' });
    this.userId = this.dialog.getByLabel('Guest user ID');
    this.role = this.dialog.getByLabel('Guest role');
    this.nickname = this.dialog.getByLabel('Guest nickname');
    this.issue = this.dialog.getByRole('button', { name: 'Issue guest pass' });
    this.close = this.dialog.getByRole('button', { name: 'Close' });
  }

  invitation(name: string): Locator {
    return this.dialog.getByRole('region', { name: `Invitation for ${name}` });
  }
}
