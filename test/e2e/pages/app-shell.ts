import type { Locator, Page } from '@playwright/test';

/** The sidebar and what every screen shares. Labels are the English UI's. */
export class AppShell {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  navButton(name: 'Rooms' | 'New room' | 'History' | 'Settings'): Locator {
    return this.nav.getByRole('button', { name });
  }

  async goTo(name: 'Rooms' | 'New room' | 'History' | 'Settings'): Promise<void> {
    await this.navButton(name).click();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The element that has focus, for keyboard checks. */
  focused(): Locator {
    return this.page.locator(':focus');
  }
}
