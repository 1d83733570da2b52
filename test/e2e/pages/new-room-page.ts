import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

export interface NewRoomInput {
  title?: string;
  address?: string;
  vr?: string;
  notes?: string;
  guests?: Array<{ userId: string; nickname?: string }>;
}

/** The new-room form. */
export class NewRoomPage extends AppShell {
  readonly heading1: Locator;
  readonly agentId: Locator;
  readonly hostRole: Locator;
  readonly addGuest: Locator;
  readonly title: Locator;
  readonly address: Locator;
  readonly vr: Locator;
  readonly notes: Locator;
  /** Opens the VR picker beside the VR field. */
  readonly chooseVr: Locator;
  readonly create: Locator;
  readonly creating: Locator;
  /** "Some fields need your attention." */
  readonly summary: Locator;

  constructor(page: Page) {
    super(page);
    this.heading1 = this.heading('New viewing room');
    this.agentId = page.getByLabel('Agent user ID');
    this.hostRole = page.getByLabel('Host role');
    this.addGuest = page.getByRole('button', { name: 'Add guest' });
    this.title = page.getByLabel('Listing title');
    this.address = page.getByLabel('Address');
    this.vr = page.getByLabel('VR link or code');
    this.notes = page.getByLabel('Private notes');
    this.chooseVr = page.getByRole('button', { name: 'Choose from your VRs…' });
    this.create = page.getByRole('button', { name: 'Create room' });
    this.creating = page.getByRole('button', { name: 'Creating room…' });
    this.summary = page.locator('form .field__error[role="alert"]');
  }

  guestUserId(n: number): Locator {
    return this.page.getByLabel(`Guest ${n} user ID`);
  }

  guestRole(n: number): Locator {
    return this.page.getByLabel(`Guest ${n} role`);
  }

  guestNickname(n: number): Locator {
    return this.page.getByLabel(`Guest ${n} nickname`);
  }

  removeGuest(n: number): Locator {
    return this.page.getByRole('button', { name: `Remove guest ${n}` });
  }

  async open(): Promise<void> {
    await this.goTo('New room');
  }

  async fill(input: NewRoomInput): Promise<void> {
    for (const [index, guest] of (input.guests ?? []).entries()) {
      await this.addGuest.click();
      await this.guestUserId(index + 1).fill(guest.userId);
      if (guest.nickname) await this.guestNickname(index + 1).fill(guest.nickname);
    }
    if (input.title) await this.title.fill(input.title);
    if (input.address) await this.address.fill(input.address);
    if (input.vr) await this.vr.fill(input.vr);
    if (input.notes) await this.notes.fill(input.notes);
  }
}
