import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** Settings: language, theme, and the profiles with their form. */
export class SettingsPage extends AppShell {
  readonly language: Locator;
  readonly addProfile: Locator;
  readonly form: ProfileFormPart;

  constructor(page: Page) {
    super(page);
    this.language = page.getByRole('combobox', { name: 'Language' });
    this.addProfile = page.getByRole('button', { name: 'Add a Realsee account' });
    this.form = new ProfileFormPart(page);
  }

  async open(): Promise<void> {
    await this.goTo('Settings');
  }

  profileItem(name: string): Locator {
    return this.page.locator('.profile-list__item').filter({ hasText: name });
  }

  editProfile(name: string): Locator {
    return this.page.getByRole('button', { name: `Edit: ${name}` });
  }
}

/** The profile form, as on the welcome screen and in Settings. */
export class ProfileFormPart {
  readonly name: Locator;
  readonly region: Locator;
  readonly customBaseUrl: Locator;
  readonly appKey: Locator;
  readonly appSecret: Locator;
  readonly userId: Locator;
  readonly advanced: Locator;
  readonly timeZone: Locator;
  readonly test: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Profile name');
    this.region = page.getByLabel('Region');
    this.customBaseUrl = page.getByLabel('Gateway URL');
    this.appKey = page.getByLabel('App Key');
    this.appSecret = page.getByLabel('App Secret');
    this.userId = page.getByLabel('Your user ID', { exact: false });
    this.advanced = page.getByText('Advanced', { exact: true });
    this.timeZone = page.getByLabel('Time zone of Realsee’s times');
    this.test = page.getByRole('button', { name: 'Test connection' });
    this.save = page.getByRole('button', { name: 'Save and use' });
  }
}
